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

describe('drive.file, per user', () => {
  const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
  const DOCUMENTS = 'https://www.googleapis.com/auth/documents';
  const FIRST = 'first.officer@council.example';
  const SECOND = 'second.officer@council.example';

  function asManifest(scopes: string[]) {
    const ws = workspace();
    ws.runtime.scopes.grant(scopes);
    const folder = ws.runtime.as(FIRST, () =>
      ws.Drive.Files.create({ name: 'Action Plan Papers', mimeType: FOLDER_MIME }),
    );
    return { ...ws, folderId: folder.id ?? '' };
  }

  it('shows a folder the app made for one officer to that officer only: others get File not found', () => {
    const { Drive, runtime, folderId } = asManifest([DRIVE_FILE]);
    const mine = runtime.as(FIRST, () => Drive.Files.get(folderId, { fields: 'id,name' }));
    expect(mine).toEqual({ id: folderId, name: 'Action Plan Papers' });
    runtime.as(SECOND, () => {
      expect(() => Drive.Files.get(folderId)).toThrow(
        `API call to drive.files.get failed with error: File not found: ${folderId}.`,
      );
      expect(Drive.Files.list({ q: "name = 'Action Plan Papers'" }).files).toEqual([]);
      expect(() =>
        Drive.Files.create({ name: 'Paper.pdf', mimeType: PDF_MIME, parents: [folderId] }),
      ).toThrow(`API call to drive.files.create failed with error: File not found: ${folderId}.`);
    });
  });

  it('grants nothing to the app when the folder is shared in Drive, and grants it once the officer picks it', () => {
    const { Drive, runtime, drive, folderId } = asManifest([DRIVE_FILE]);
    drive.share(folderId, SECOND);
    runtime.as(SECOND, () => expect(() => Drive.Files.get(folderId)).toThrow('File not found'));
    drive.pick(folderId, SECOND);
    const theirs = runtime.as(SECOND, () => Drive.Files.get(folderId, { fields: 'name' }));
    expect(theirs).toEqual({ name: 'Action Plan Papers' });
  });

  it('cannot be picked by someone it is not shared with', () => {
    const { drive, folderId } = asManifest([DRIVE_FILE]);
    expect(() => drive.pick(folderId, SECOND)).toThrow();
  });

  it('reaches every file the user can open under the full drive scope', () => {
    const { Drive, runtime, drive, folderId } = asManifest(['https://www.googleapis.com/auth/drive']);
    runtime.as(SECOND, () => expect(() => Drive.Files.get(folderId)).toThrow('File not found'));
    drive.share(folderId, SECOND);
    runtime.as(SECOND, () => expect(Drive.Files.get(folderId, { fields: 'id' })).toEqual({ id: folderId }));
  });

  it('keeps one My Drive per user: root is the caller’s own', () => {
    const { Drive, runtime, drive } = asManifest([DRIVE_FILE]);
    const theirs = runtime.as(SECOND, () => Drive.Files.create({ name: 'Notes', mimeType: FOLDER_MIME }));
    expect(drive.file(theirs.id ?? '')?.parents).toEqual([drive.rootOf(SECOND)]);
    expect(drive.rootOf(SECOND)).not.toBe(drive.rootOf(FIRST));
  });

  it('fails every call with the API’s error when the manifest has no Drive scope', () => {
    const { Drive, runtime } = asManifest([DRIVE_FILE]);
    runtime.scopes.grant([DOCUMENTS]);
    expect(() => Drive.Files.create({ name: 'x', mimeType: FOLDER_MIME })).toThrow(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
    expect(() => Drive.Files.list({})).toThrow(
      'API call to drive.files.list failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('opens another officer’s document with DocumentApp only once it is shared with them', () => {
    const { DocumentApp, runtime, drive } = asManifest([DRIVE_FILE, DOCUMENTS]);
    const id = runtime.as(FIRST, () => DocumentApp.create('Briefing paper').getId());
    runtime.as(SECOND, () =>
      expect(() => DocumentApp.openById(id)).toThrow(
        /^Document \S+ is missing \(perhaps it was deleted, or you don't have read access\?\)$/,
      ),
    );
    drive.share(id, SECOND);
    runtime.as(SECOND, () => expect(DocumentApp.openById(id).getName()).toBe('Briefing paper'));
  });
});
