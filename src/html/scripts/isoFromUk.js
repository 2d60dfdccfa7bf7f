/* Shared by the pages of src/html: scripts/build.mjs writes it into each page that asks for it by name. */
/** 'YYYY-MM-DD' from dd/mm/yyyy (or an ISO date); null when there is no such day. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the page that includes it
function isoFromUk(text) {
  var s = String(text || '').trim();
  var m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  var y, mo, d;
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return null;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  var date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return y + '-' + (mo < 10 ? '0' : '') + mo + '-' + (d < 10 ? '0' : '') + d;
}
