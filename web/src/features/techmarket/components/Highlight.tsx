/** Renders text with the server's match ranges wrapped in <mark> (no HTML from the server). */
export function Highlight({ text, ranges }: { text: string; ranges: [number, number][] | undefined }) {
  if (!ranges?.length) {
    return <>{text}</>;
  }
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([s, e], i) => {
    if (s > at) {
      parts.push(text.slice(at, s));
    }
    parts.push(<mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}
