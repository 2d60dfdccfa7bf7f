import { LocalDocuments } from '../../../local/workspace/DocumentApp';
import { FOLDER_MIME, LocalDrive, PDF_MIME } from '../../../local/workspace/Drive';
import { Runtime } from '../../../local/workspace/runtime';

function workspace() {
  const runtime = new Runtime();
  const drive = new LocalDrive(runtime);
  const docs = new LocalDocuments(runtime, drive);
  return { runtime, drive, docs, DocumentApp: docs.app, Drive: drive.service };
}

describe('Drive (advanced service v3)', () => {
  it('creates a folder and finds it by name, type and trashed state', () => {
    const { Drive, runtime } = workspace();
    const folder = Drive.Files.create({ name: 'Committee papers', mimeType: FOLDER_MIME });
    expect(folder).toEqual({
      kind: 'drive#file',
      id: folder.id,
      name: 'Committee papers',
      mimeType: FOLDER_MIME,
    });
    Drive.Files.create({ name: 'Other', mimeType: FOLDER_MIME });

    const found = Drive.Files.list({
      q: `name = 'Committee papers' and mimeType = '${FOLDER_MIME}' and trashed = false`,
      fields: 'files(id,name)',
    });
    expect(found).toEqual({ files: [{ id: folder.id, name: 'Committee papers' }] });

    Drive.Files.update({ trashed: true }, folder.id ?? '');
    const afterTrash = Drive.Files.list({ q: `name = 'Committee papers' and trashed = false` });
    expect(afterTrash.files).toEqual([]);
    expect(runtime.calls.snapshot()['Drive.Files.create']).toBe(2);
    expect(runtime.calls.snapshot()['Drive.Files.list']).toBe(2);
  });

  it('moves a document into a folder with addParents and removeParents', () => {
    const { Drive, DocumentApp, drive } = workspace();
    const folder = Drive.Files.create({ name: 'Committee papers', mimeType: FOLDER_MIME });
    const doc = DocumentApp.create('Briefing paper');
    const before = Drive.Files.get(doc.getId(), { fields: 'parents' });
    expect(before.parents).toEqual([drive.rootId]);

    Drive.Files.update({}, doc.getId(), null as unknown as GoogleAppsScript.Base.Blob, {
      addParents: folder.id,
      removeParents: before.parents?.join(','),
    });
    expect(Drive.Files.get(doc.getId(), { fields: 'id,parents' })).toEqual({
      id: doc.getId(),
      parents: [folder.id],
    });
    expect(drive.path(doc.getId())).toBe('My Drive/Committee papers/Briefing paper');
    const inFolder = Drive.Files.list({ q: `'${folder.id}' in parents and trashed = false` });
    expect(inFolder.files?.map((f) => f.name)).toEqual(['Briefing paper']);
  });

  it('refuses a second parent and a parents field in update, as Drive v3 does', () => {
    const { Drive, DocumentApp } = workspace();
    const folder = Drive.Files.create({ name: 'Papers', mimeType: FOLDER_MIME });
    const doc = DocumentApp.create('Paper');
    expect(() =>
      Drive.Files.update({}, doc.getId(), null as unknown as GoogleAppsScript.Base.Blob, {
        addParents: folder.id,
      }),
    ).toThrow(
      'API call to drive.files.update failed with error: Increasing the number of parents is not allowed.',
    );
    expect(() => Drive.Files.update({ parents: [folder.id ?? ''] }, doc.getId())).toThrow(
      'The parents field is not directly writable in update requests',
    );
    expect(() => Drive.Files.get('missing')).toThrow(
      'API call to drive.files.get failed with error: File not found: missing.',
    );
  });

  it('saves a PDF blob of a document into a folder', () => {
    const { Drive, DocumentApp, drive } = workspace();
    const folder = Drive.Files.create({ name: 'Papers', mimeType: FOLDER_MIME });
    const doc = DocumentApp.create('Paper 15 April 2010');
    doc.saveAndClose();
    const saved = Drive.Files.create(
      { name: 'Paper 15 April 2010.pdf', parents: [folder.id ?? ''] },
      doc.getAs(PDF_MIME),
      {
        fields: 'id,name,mimeType,parents',
      },
    );
    expect(saved.mimeType).toBe(PDF_MIME);
    expect(saved.parents).toEqual([folder.id]);
    const stored = drive.file(saved.id ?? '');
    expect(
      Buffer.from(stored?.content ?? [])
        .toString('latin1')
        .startsWith('%PDF'),
    ).toBe(true);
  });
});
