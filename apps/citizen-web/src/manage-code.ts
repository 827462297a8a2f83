/**
 * The manage code as people read it: groups of four (`K7QM-4XRT-9P`), so it can be read out on the
 * phone and typed back. The server normalises what the visitor types (case, dashes, spaces).
 */
export function groupCode(code: string): string {
  const plain = code.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}

/** The link in the confirmation and the messages: the code in the fragment, which no server sees. */
export function manageLink(origin: string, reference: string, code: string): string {
  return `${origin}/manage/${encodeURIComponent(reference)}#${encodeURIComponent(groupCode(code))}`;
}
