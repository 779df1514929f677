export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * Groups markers that would overlap on screen: in list order, each point
 * joins the first group whose first point is closer than `gap` pixels, or
 * starts a group of its own. Groups are drawn at their first point, so the
 * drawn markers are at least `gap` apart: none covers another, and each keeps
 * a whole target (WCAG 2.5.8).
 */
export function groupNear<T>(items: readonly T[], at: (item: T) => ScreenPoint, gap: number): T[][] {
  const groups: Array<ScreenPoint & { members: T[] }> = [];
  for (const item of items) {
    const point = at(item);
    const near = groups.find((group) => Math.hypot(group.x - point.x, group.y - point.y) < gap);
    if (near) near.members.push(item);
    else groups.push({ x: point.x, y: point.y, members: [item] });
  }
  return groups.map((group) => group.members);
}
