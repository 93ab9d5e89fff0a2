/**
 * Names in the action log and the manifests come from the user (or a link): a line break inside one
 * would end a YAML comment and put the rest into the file kubectl applies. Control characters become
 * spaces.
 */
export function asCommentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
