import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Document, isCollection, isMap, isScalar } from 'yaml';
import { UserError } from '../errors.js';
import { resolveLinks, writeFileAtomic } from '../storage/atomicFile.js';
import { describeKind, entryKind } from '../storage/entries.js';
import { describeWriteFailure, notAFolderAlong } from '../storage/writeFailures.js';
import { locateIssue } from '../topics/locate.js';
import { formatProblem } from '../topics/problems.js';
import { decodeUtf8 } from '../topics/utf8.js';
import { readYaml, type YamlReading } from '../topics/yamlDocument.js';
import { ConfigFileSchema, type ConfigFile } from './settings.js';

/**
 * config.yaml as read: its settings, and what is needed to edit it in place
 * (the parsed document, which keeps comments and layout; whether it had a
 * byte-order mark or CRLF line ends, so a rewrite keeps them).
 */
export interface ConfigReading {
  data: ConfigFile;
  /** Undefined when the file is missing, empty or only comments. */
  reading: YamlReading | undefined;
  bom: boolean;
  crlf: boolean;
}

/**
 * Reads config.yaml with the same reading as topic files (src/topics/yamlDocument.ts:
 * YAML 1.2 core schema, keys as text, `!!float 30` the number 30). A missing file
 * (or a link to a missing file) is no settings. Everything else that is wrong is
 * one UserError line naming the path, located (`path:line:col  message`) when it
 * is about the content: invalid UTF-8 (never read as U+FFFD), YAML errors and
 * warnings alike (nothing else would print a warning about config.yaml, so it
 * is not silently half-read), unknown or invalid settings. A folder, a FIFO
 * (which would block the read), a link loop, a path through a non-folder or an
 * unreadable file are described in words.
 */
export function readConfig(path: string): ConfigReading {
  const bytes = readConfigBytes(path);
  if (bytes === undefined) return { data: {}, reading: undefined, bom: false, crlf: false };
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) throw new UserError(`${path}:${decoded.line}:${decoded.col}  ${decoded.message}; it was left as it is`);
  const reading = readYaml(decoded.text, path, 'config file');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // From the bytes: decodeUtf8 hands back the text with its line breaks normalised to LF, as YAML reads them.
  const crlf = bytes.includes('\r\n');
  const first = reading.problems[0];
  if (first) {
    const more = reading.problems.length > 1 ? ` (and ${reading.problems.length - 1} more)` : '';
    throw new UserError(`${formatProblem({ ...first, level: 'error' })}${more}`);
  }
  if (reading.empty) return { data: {}, reading: undefined, bom, crlf };
  const parsed = ConfigFileSchema.safeParse(reading.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = locateIssue(reading, issue, path)[0]!;
    const detail = issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.join(', ')}` : issue.message;
    throw new UserError(`${path}:${at.line}:${at.col}  ${issue.path.join('.') || 'top level'}: ${detail}`);
  }
  return { data: parsed.data, reading, bom, crlf };
}

/** The settings in config.yaml (see readConfig); {} when there is none. */
export function readConfigFile(path: string): ConfigFile {
  return readConfig(path).data;
}

function readConfigBytes(path: string): Buffer | undefined {
  const kind = entryKind(path);
  if (kind === 'missing' || kind === 'a symbolic link to something that does not exist') return undefined;
  // A FIFO, a file or a link loop where the config folder should be: named, not "part of the path is a file".
  const along = kind === 'file' || kind === 'folder' ? undefined : notAFolderAlong(path);
  if (along !== undefined || kind === 'part of its path is a file') throw new UserError(`${path}: ${along ?? 'part of the path is not a folder'} (check COACH_HOME / XDG_CONFIG_HOME)`);
  if (kind === 'folder') throw new UserError(`${path}: is a folder, not a config file; move it aside`);
  // A FIFO would block the read forever: only regular files are read.
  if (kind !== 'file') throw new UserError(`${path}: is ${describeKind(kind).replace(/^not reachable/, 'not readable')}, not a config file${kind.startsWith('not') ? '' : '; move it aside'}`);
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`${path}: cannot be read (permission denied)`);
    throw new UserError(`${path}: cannot be read (${code ?? (error as Error).message})`);
  }
}

/**
 * Sets (or, with `value` undefined, removes) one setting in config.yaml and
 * writes it back, changing nothing else: comments, order, quoting and layout
 * stay (yaml's Document API), as do a byte-order mark and CRLF line ends. A
 * section left empty by an unset is removed. A symbolic link is written
 * through (its target gets the new text, the link stays), as dotfile managers
 * expect. The write is atomic and keeps the file's mode, owner and group.
 * `intended` is the whole file's settings after the change; the rewritten text
 * is read back and must give exactly that, else (an alias or merge key shared
 * with other settings) the edit is refused. Every failure is one UserError line
 * naming the path, and config.yaml is left as it was.
 */
export function editConfig(path: string, configDir: string, section: string, field: string, value: unknown, intended: ConfigFile): void {
  const current = readConfig(path);
  const document = current.reading?.document ?? new Document({});
  try {
    if (value === undefined) {
      document.deleteIn([section, field]);
      const rest = document.getIn([section], true);
      if (isCollection(rest) && rest.items.length === 0) removeSection(document, section);
    } else document.setIn([section, field], value);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw new UserError(`${path}: cannot be edited in place (${section} is written through an alias or in an unusual form: ${error.message.split('\n')[0]}); edit it by hand`);
  }
  let text = document.toString();
  if (current.crlf) text = text.replace(/\r?\n/g, '\r\n');
  const reread = readYaml(text, path, 'config file');
  if (reread.problems.length > 0 || !isDeepStrictEqual(withoutEmptySections(ConfigFileSchema.safeParse(reread.empty ? {} : reread.value).data), withoutEmptySections(intended))) {
    throw new UserError(`${path}: cannot be edited in place (${section}.${field} is shared with other settings through an alias or merge key); edit it by hand`);
  }
  writeConfigText(path, configDir, `${current.bom ? '\uFEFF' : ''}${text}`);
}

/**
 * Removes a top-level section left empty. Comment lines directly above a
 * setting go with it, except the file's header: yaml attaches the comment at
 * the top of a file to the first key, so when that key goes, the comment moves
 * to the start of the document instead of disappearing.
 */
function removeSection(document: Document, section: string): void {
  const root = document.contents;
  const first = isMap(root) ? root.items[0] : undefined;
  const header = first && isScalar(first.key) && first.key.value === section ? first.key.commentBefore : undefined;
  document.deleteIn([section]);
  if (!header) return;
  document.commentBefore = document.commentBefore ? `${document.commentBefore}\n${header}` : header;
  // The document's comment is followed by a blank line already; the new first key's own would double it.
  const next = isMap(root) ? root.items[0] : undefined;
  if (next && isScalar(next.key)) next.key.spaceBefore = false;
}

/** `{ llm: {} }` and `{}` mean the same settings (an unset removes a section left empty). */
function withoutEmptySections(file: ConfigFile | undefined): Record<string, unknown> | undefined {
  if (file === undefined) return undefined;
  return Object.fromEntries(Object.entries(file).filter(([, section]) => section !== undefined && Object.keys(section).length > 0));
}

function writeConfigText(path: string, configDir: string, text: string): void {
  let target = path;
  try {
    const folder = entryKind(configDir);
    if (folder === 'missing') mkdirSync(configDir, { recursive: true });
    else if (folder !== 'folder') throw new UserError(`${path}: the config folder ${configDir} is ${describeKind(folder)}, not a folder; nothing was written (check COACH_HOME / XDG_CONFIG_HOME)`);
    target = resolveLinks(path);
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing && !existing.isFile()) throw new UserError(`${path}: is ${describeKind(entryKind(target))}, not a config file; nothing was written`);
    // A new config.yaml is private (0600); an edited one keeps its mode, owner and group.
    writeFileAtomic(target, text, 0o600);
  } catch (error) {
    const shown = target === path ? path : `${path} (a link to ${target})`;
    throw describeWriteFailure(error, target, shown);
  }
}
