/**
 * A notice's own headings (h3–h6 after sanitising) placed under its title,
 * whatever `heading-level` made the title: the highest becomes `level`, the
 * others keep their distance below it, h6 at most. Elements are rebuilt with
 * the DOM, never from markup, keeping the sanitised attributes and children.
 */
export function fitHeadings(fragment: DocumentFragment, level: number): DocumentFragment {
  const headings = [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const levelOf = (heading: Element) => Number(heading.localName[1]);
  const highest = Math.min(...headings.map(levelOf));
  for (const heading of headings) {
    const fitted = `h${Math.min(6, level + levelOf(heading) - highest)}`;
    if (fitted === heading.localName) continue;
    const replacement = document.createElement(fitted);
    for (const { name, value } of heading.attributes) replacement.setAttribute(name, value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  return fragment;
}
