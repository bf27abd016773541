/** A DNS-1123 label made from a family or service name, or undefined when nothing is left. */
export function serviceName(family: string): string | undefined {
  const n = family.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return n || undefined;
}
