/** Summarises a V8 .cpuprofile: self time by component (package, app folder, node internals). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function component(url: string, fn: string): string {
  if (!url) {
    return fn.startsWith('(') ? fn : '(native)';
  }
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) {
    return nm[1];
  }
  const app = /\/(server\/src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (app) {
    return app[1];
  }
  if (url.startsWith('node:')) {
    return `node:${url.slice(5).split('/')[0]}`;
  }
  return url.split('/').slice(-2).join('/');
}

export function summariseProfile(p: CpuProfile, top = 18): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfByComp = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = p.timeDeltas[i] ?? 0;
    if (n.callFrame.functionName === '(idle)') {
      return;
    }
    total += dt;
    const comp = component(n.callFrame.url, n.callFrame.functionName);
    selfByComp.set(comp, (selfByComp.get(comp) ?? 0) + dt);
    const fn = `${n.callFrame.functionName || '(anonymous)'} [${comp}:${n.callFrame.lineNumber + 1}]`;
    selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + dt);
  });
  const fmtTop = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `busy ${(total / 1e6).toFixed(1)} s of CPU\nby component:\n${fmtTop(selfByComp)}\nby function:\n${fmtTop(selfByFn)}`;
}
