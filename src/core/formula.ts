// The formula language of derived indicators: arithmetic over other indicators, e.g.
//   percent(cultivated_transferred, taxable_area)        share of the taxable area, in %
//   growth(land_transferred, last_year(land_transferred)) year-over-year growth, in %
//   (doses_60_first + doses_60_full) / 2
// Identifiers name indicators; `last_year(x)` reads x for the same period one year earlier and `target(x)` the
// target set for x (share of a target: percent(x, target(x))). Division by zero,
// and any missing operand, gives null (shown as "—"), never NaN or Infinity. Errors carry the 1-based column.

/** What a reference reads of an indicator: its value, its value a year earlier, or its target. */
export type ReferenceOf = 'value' | 'last_year' | 'target';

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; key: string; of: ReferenceOf; at: number }
  | { kind: 'unary'; op: '-'; operand: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; name: FunctionName; args: FormulaNode[]; at: number };

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`第 ${position} 个字符处：${message}`);
  }
}

const FUNCTIONS = { ratio: 2, percent: 2, growth: 2, diff: 2, min: -1, max: -1, abs: 1, round: -1 } as const;
type FunctionName = keyof typeof FUNCTIONS;
const isFunction = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);

interface Token {
  type: 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end';
  text: string;
  at: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i + 1;
    const number = /^(\d+\.?\d*|\.\d+)/.exec(source.slice(i));
    if (number) {
      tokens.push({ type: 'number', text: number[0], at });
      i += number[0].length;
      continue;
    }
    const name = /^[a-z][a-z0-9_]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], at });
      i += name[0].length;
      continue;
    }
    if ('+-*/'.includes(c)) {
      tokens.push({ type: 'op', text: c, at });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, at });
      i++;
      continue;
    }
    throw new FormulaError(`不认识的字符“${c}”`, at);
  }
  tokens.push({ type: 'end', text: '', at: source.length + 1 });
  return tokens;
}

/** Parses a formula; throws FormulaError with the position of the first problem. */
export function parseFormula(source: string): FormulaNode {
  if (!source.trim()) throw new FormulaError('公式是空的', 1);
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (type: Token['type'], what: string) => {
    const t = next();
    if (t.type !== type) throw new FormulaError(t.type === 'end' ? `公式不完整，缺少${what}` : `此处应为${what}`, t.at);
    return t;
  };

  // expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := '-' factor | primary
  function expression(): FormulaNode {
    let node = term();
    while (peek().type === 'op' && (peek().text === '+' || peek().text === '-')) {
      const op = next().text as '+' | '-';
      node = { kind: 'binary', op, left: node, right: term() };
    }
    return node;
  }
  function term(): FormulaNode {
    let node = factor();
    while (peek().type === 'op' && (peek().text === '*' || peek().text === '/')) {
      const op = next().text as '*' | '/';
      node = { kind: 'binary', op, left: node, right: factor() };
    }
    return node;
  }
  function factor(): FormulaNode {
    if (peek().type === 'op' && peek().text === '-') {
      next();
      return { kind: 'unary', op: '-', operand: factor() };
    }
    return primary();
  }
  function primary(): FormulaNode {
    const t = next();
    if (t.type === 'number') return { kind: 'number', value: Number(t.text) };
    if (t.type === '(') {
      const inner = expression();
      expect(')', '右括号“)”');
      return inner;
    }
    if (t.type === 'name') {
      if (peek().type !== '(') return { kind: 'ref', key: t.text, of: 'value', at: t.at };
      next();
      const args: FormulaNode[] = [];
      if (peek().type !== ')') {
        do args.push(expression());
        while (peek().type === ',' && next());
      }
      expect(')', '右括号“)”');
      if (t.text === 'last_year' || t.text === 'target') {
        const [arg] = args;
        if (args.length !== 1 || arg.kind !== 'ref' || arg.of !== 'value') throw new FormulaError(`${t.text} 只接受一个指标标识`, t.at);
        return { ...arg, of: t.text };
      }
      if (!isFunction(t.text)) throw new FormulaError(`没有函数“${t.text}”`, t.at);
      const arity = FUNCTIONS[t.text];
      if (arity > 0 && args.length !== arity) throw new FormulaError(`${t.text} 需要 ${arity} 个参数`, t.at);
      if (arity < 0 && args.length < 1) throw new FormulaError(`${t.text} 至少需要 1 个参数`, t.at);
      return { kind: 'call', name: t.text, args, at: t.at };
    }
    throw new FormulaError(t.type === 'end' ? '公式不完整' : `此处不应出现“${t.text}”`, t.at);
  }

  const node = expression();
  const rest = peek();
  if (rest.type !== 'end') throw new FormulaError(`此处不应出现“${rest.text}”`, rest.at);
  return node;
}

/** The indicator keys a formula reads, each once, in order of appearance. */
export function formulaReferences(node: FormulaNode): { key: string; of: ReferenceOf; at: number }[] {
  const found: { key: string; of: ReferenceOf; at: number }[] = [];
  const visit = (n: FormulaNode) => {
    if (n.kind === 'ref') {
      if (!found.some((f) => f.key === n.key && f.of === n.of)) found.push({ key: n.key, of: n.of, at: n.at });
    } else if (n.kind === 'unary') visit(n.operand);
    else if (n.kind === 'binary') {
      visit(n.left);
      visit(n.right);
    } else if (n.kind === 'call') n.args.forEach(visit);
  };
  visit(node);
  return found;
}

const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);
const divide = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

/** Evaluates a formula; `value` gives an indicator's value (or null when it has none). */
export function evaluateFormula(node: FormulaNode, value: (key: string, of: ReferenceOf) => number | null): number | null {
  const run = (n: FormulaNode): number | null => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'ref':
        return finite(value(n.key, n.of));
      case 'unary': {
        const x = run(n.operand);
        return x === null ? null : -x;
      }
      case 'binary': {
        const a = run(n.left);
        const b = run(n.right);
        if (n.op === '/') return divide(a, b);
        if (a === null || b === null) return null;
        return n.op === '+' ? a + b : n.op === '-' ? a - b : a * b;
      }
      case 'call': {
        const args = n.args.map(run);
        const [a, b] = args;
        switch (n.name) {
          case 'ratio':
            return divide(a, b);
          case 'percent': {
            const r = divide(a, b);
            return r === null ? null : r * 100;
          }
          case 'growth': {
            const r = divide(a === null || b === null ? null : a - b, b === null ? null : Math.abs(b));
            return r === null ? null : r * 100;
          }
          case 'diff':
            return a === null || b === null ? null : a - b;
          case 'abs':
            return a === null ? null : Math.abs(a);
          case 'min':
          case 'max':
            return args.some((x) => x === null) ? null : Math[n.name](...(args as number[]));
          case 'round': {
            if (a === null) return null;
            const digits = args.length > 1 ? b : 0;
            if (digits === null || !Number.isInteger(digits) || digits < 0 || digits > 6) return null;
            return Math.round(a * 10 ** digits) / 10 ** digits;
          }
        }
      }
    }
  };
  return finite(run(node));
}

/** A cycle among formula indicators (keys in order, first repeated at the end), or null when there is none. */
export function findCycle(dependsOn: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const next of dependsOn.get(key) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const key of dependsOn.keys()) {
    const cycle = visit(key);
    if (cycle) return cycle;
  }
  return null;
}
