/** Reads the ❌/✅ YAML examples of a rule docs page. */
export interface DocExample {
  kind: 'incorrect' | 'correct';
  yaml: string;
  meta: { env?: string; targets?: string[]; options?: Record<string, unknown> };
}

/** The yaml fences under the ❌ and ✅ headings (an optional JSON object after `yaml` sets env/targets/options). */
export function docExamples(markdown: string): DocExample[] {
  const out: DocExample[] = [];
  let kind: DocExample['kind'] | undefined;
  const re = /^(#{2,4} .*)$|^```yaml( \{.*\})?\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(re)) {
    if (m[1]) kind = m[1].includes('❌') ? 'incorrect' : m[1].includes('✅') ? 'correct' : undefined;
    else if (kind) out.push({ kind, yaml: m[3]!, meta: m[2] ? JSON.parse(m[2]) : {} });
  }
  return out;
}
