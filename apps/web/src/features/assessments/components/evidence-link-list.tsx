/** Evidence links as a list of links that open in a new tab (said to screen readers), or "No links". */
export function EvidenceLinkList({ links, className }: { links: string[]; className: string }) {
  if (links.length === 0) return 'No links';
  return (
    <ul className={className}>
      {links.map((url) => (
        <li key={url}>
          <a href={url} rel="noopener noreferrer" target="_blank">
            {url} <span className="visually-hidden">(opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
