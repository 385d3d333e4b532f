// The draft rule packs chosen on the What-if page, kept for this tab so the Rules-over-time picture can draw them
// (dashed) beside the rules in force. Held in memory only: a reload forgets them, as nothing was put in force.
const held = [];

export function setDrafts(files) {
  held.splice(0, held.length, ...files);
}

export function drafts() {
  return [...held];
}

/** The drafts as multipart form data, with extra text fields. */
export function draftForm(files, fields = {}) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== null && value !== '') form.append(name, value);
  return form;
}
