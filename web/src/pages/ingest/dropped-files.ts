import type { UploadFile } from '../../api/ingest.ts';

// Files dropped or picked, each under its path relative to what the user chose: a dropped or
// picked folder keeps its name as the first part ("leak/2022/a.wav"), a loose file is its name.

/** A file from an <input type=file> (with webkitdirectory, webkitRelativePath holds the folder path). */
export function fromFileList(list: FileList | null): UploadFile[] {
  return Array.from(list ?? [], (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 in Chromium) until it answers an empty one.
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries);
        else {
          entries.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: UploadFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader()))
      await walk(child, out);
  }
}

/** Everything dropped: files, folders (walked), zip archives (sent as they are). */
export async function fromDataTransfer(data: DataTransfer): Promise<UploadFile[]> {
  // The entries must be taken synchronously, before the drop event's data goes away.
  const entries = Array.from(data.items, (item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e === null)) return fromFileList(data.files);
  const out: UploadFile[] = [];
  for (const entry of entries) if (entry) await walk(entry, out);
  return out;
}

/** Adds files to a selection; a path already chosen is replaced by the newer file. */
export function mergeSelection(current: UploadFile[], added: UploadFile[]): UploadFile[] {
  const byPath = new Map(current.map((f) => [f.path, f]));
  for (const f of added) byPath.set(f.path, f);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
