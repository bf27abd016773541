/** The bench's table: plain text on a terminal, Markdown for docs/benchmarks.md (--markdown). */

const ENV = { 'as is': 'NODE_EXTRA_CA_CERTS as set', ordinary: 'NODE_EXTRA_CA_CERTS unset' };
const x = (r) => (r === undefined ? '' : `${r.toFixed(2)}×`);

function columns(row) {
  const floorAsIs = row.vs.find((v) => v[0] === 'floor as is')?.[1];
  const floorOrd = row.vs.find((v) => v[0] === 'floor ordinary')?.[1];
  const peers = row.vs.filter((v) => !v[0].startsWith('floor ')).map(([label, r]) => `${x(r)} ${label}`);
  return { floorAsIs: x(floorAsIs), floorOrd: x(floorOrd), peers: peers.join(', ') };
}

function verdict(row) {
  if (!row.target) return '';
  const met = row.check ? row.check(row) : row.met;
  return `${row.target}: ${met === undefined ? '?' : met ? 'met' : 'not met'}`;
}

export function printReport({ markdown, machine, rows, extra, notices, caSet }) {
  const lines = [];
  const cond = (c) => `Node ${c.node.replace(/^v/, '')}, ${ENV[c.env] ?? c.env}, ${c.disk}, load ${c.load.toFixed(1)}`;
  if (markdown) {
    lines.push(`Machine: ${machine}.`, '');
    lines.push('| measurement | conditions | median | × `node -e 0` as set | × `node -e 0` unset | × peer | target |', '|---|---|---:|---:|---:|---|---|');
    for (const r of rows) {
      const c = columns(r);
      lines.push(`| ${r.name.replace(/^ +/, '↳ ')} | ${cond(r.cond)} | ${r.ms.toFixed(0)} ms | ${caSet ? c.floorAsIs : ''} | ${c.floorOrd} | ${c.peers} | ${verdict(r)} |`);
    }
    lines.push('', '| measurement | conditions | value | target |', '|---|---|---:|---|');
    for (const e of extra) lines.push(`| ${e.name} | ${cond(e.cond)} | ${e.value} | ${verdict(e)} |`);
  } else {
    lines.push(`codegen bench — ${machine}`, '');
    const w = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) {
      const c = columns(r);
      const ratios = [caSet && c.floorAsIs ? `${c.floorAsIs} floor as set` : '', c.floorOrd ? `${c.floorOrd} floor unset` : '', c.peers].filter(Boolean).join(', ');
      lines.push(`${r.name.padEnd(w)}  ${r.ms.toFixed(0).padStart(7)} ms  ${ratios}${r.target ? `  [${verdict(r)}]` : ''}`);
      lines.push(`${''.padEnd(w)}  (${cond(r.cond)})`);
    }
    lines.push('');
    for (const e of extra) lines.push(`${e.name}: ${e.value}${e.target ? `  [${verdict(e)}]` : ''}  (${cond(e.cond)})`);
  }
  if (notices.length) lines.push('', ...notices.map((n) => `Notice: ${n}`));
  console.log(lines.join('\n'));
}
