// User text inside our messages: quoted as JSON (control characters and terminal escapes come out as \n, \u001b),
// and cut short so one huge value cannot flood a report.
export function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
