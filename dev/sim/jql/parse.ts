/**
 * JQL lexer and parser for the subset the simulator answers. Anything outside the subset is a
 * {@link JqlError} naming the part, which the HTTP layer returns as Jira's 400 — never a guess.
 */

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export interface FieldRef {
  /** As written (without quotes), e.g. `project`, `Story Points`, `cf[10016]`. */
  text: string;
  /** Set for `cf[N]`. */
  customId?: string;
}

export type Value = { kind: 'literal'; text: string; quoted: boolean } | { kind: 'empty' } | { kind: 'function'; name: string; args: string[] };

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in';

export type Clause =
  | { kind: 'and' | 'or'; clauses: Clause[] }
  | { kind: 'not'; clause: Clause }
  | { kind: 'compare'; field: FieldRef; op: Operator; values: Value[] }
  | { kind: 'is-empty'; field: FieldRef; negated: boolean };

export interface SortKey {
  field: FieldRef;
  direction: 'asc' | 'desc' | undefined;
}

export interface Query {
  where: Clause | undefined;
  orderBy: SortKey[];
}

type Token =
  | { t: 'word'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'cf'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ','; pos: number };

const WORD_STOP = /[\s()=,!<>~"']/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c, pos: i });
      i++;
    } else if (c === '"' || c === "'") {
      let v = '';
      let j = i + 1;
      while (j < src.length && src.charAt(j) !== c) {
        if (src.charAt(j) === '\\' && j + 1 < src.length) j++;
        v += src.charAt(j);
        j++;
      }
      if (j >= src.length) throw new JqlError(`Error in the JQL Query: The quoted string starting at character ${i + 1} is not terminated.`);
      out.push({ t: 'string', v, pos: i });
      i = j + 1;
    } else if (/^(!=|>=|<=|!~|=|>|<|~)/.test(src.slice(i))) {
      const v = /^(!=|>=|<=|!~|=|>|<|~)/.exec(src.slice(i))?.[0] ?? '';
      out.push({ t: 'op', v, pos: i });
      i += v.length;
    } else if (c === '!') {
      throw new JqlError(`Error in the JQL Query: The character '!' at position ${i + 1} is not supported by the simulator.`);
    } else {
      const cf = /^cf\[(\d+)\]/i.exec(src.slice(i));
      if (cf) {
        out.push({ t: 'cf', v: cf[1] ?? '', pos: i });
        i += cf[0].length;
        continue;
      }
      // Jira's JQL grammar lets an unquoted value carry backslash escapes (`x\(`, `a\"b`, `two\ words`): the escaped
      // character belongs to the value, whatever it is (JqlLexer's STRING: ESCAPE | ~(BSLASH | WS | STRINGSTOP)).
      let j = i;
      let v = '';
      while (j < src.length && !WORD_STOP.test(src.charAt(j))) {
        if (src.charAt(j) === '\\' && j + 1 < src.length) j++;
        v += src.charAt(j);
        j++;
      }
      if (v === '&&') out.push({ t: 'word', v: 'AND', pos: i });
      else if (v === '||') out.push({ t: 'word', v: 'OR', pos: i });
      else out.push({ t: 'word', v, pos: i });
      i = j;
    }
  }
  return out;
}

const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc', 'was', 'changed']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Query {
    let where: Clause | undefined;
    if (this.peek() && !this.isWord('order')) where = this.or();
    const orderBy: SortKey[] = [];
    if (this.isWord('order')) {
      this.i++;
      this.expectWord('by');
      do {
        const field = this.field();
        let direction: SortKey['direction'];
        if (this.isWord('asc') || this.isWord('desc')) direction = this.next().v.toLowerCase() as 'asc' | 'desc';
        orderBy.push({ field, direction });
      } while (this.acceptPunct(','));
    }
    const rest = this.peek();
    if (rest) throw new JqlError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${rest.v}'. (position ${rest.pos + 1})`);
    return { where, orderBy };
  }

  private or(): Clause {
    const clauses = [this.and()];
    while (this.isWord('or')) {
      this.i++;
      clauses.push(this.and());
    }
    return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: 'or', clauses };
  }

  private and(): Clause {
    const clauses = [this.not()];
    while (this.isWord('and')) {
      this.i++;
      clauses.push(this.not());
    }
    return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: 'and', clauses };
  }

  private not(): Clause {
    if (this.isWord('not')) {
      this.i++;
      return { kind: 'not', clause: this.not() };
    }
    if (this.acceptPunct('(')) {
      const inner = this.or();
      if (!this.acceptPunct(')')) throw this.unexpected("')'");
      return inner;
    }
    return this.clause();
  }

  private clause(): Clause {
    const field = this.field();
    const tok = this.peek();
    if (!tok) throw new JqlError(`Error in the JQL Query: Expecting an operator after '${field.text}'.`);
    if (tok.t === 'op') {
      this.i++;
      if (tok.v === '~' || tok.v === '!~') throw new JqlError(`The operator '${tok.v}' is not supported by the simulator (field '${field.text}').`);
      return { kind: 'compare', field, op: tok.v as Operator, values: [this.value()] };
    }
    if (tok.t === 'word') {
      const w = tok.v.toLowerCase();
      if (w === 'in') {
        this.i++;
        return { kind: 'compare', field, op: 'in', values: this.list() };
      }
      if (w === 'not') {
        this.i++;
        this.expectWord('in');
        return { kind: 'compare', field, op: 'not in', values: this.list() };
      }
      if (w === 'is') {
        this.i++;
        const negated = this.isWord('not');
        if (negated) this.i++;
        if (!this.isWord('empty') && !this.isWord('null')) throw this.unexpected("'EMPTY'");
        this.i++;
        return { kind: 'is-empty', field, negated };
      }
      if (w === 'was' || w === 'changed')
        throw new JqlError(`The operator '${tok.v.toUpperCase()}' is not supported by the simulator (field '${field.text}').`);
    }
    throw this.unexpected('an operator');
  }

  private list(): Value[] {
    const next = this.tokens[this.i + 1];
    if (this.peek()?.t === 'word' && next?.t === 'punct' && next.v === '(') return [this.value()]; // IN someFunction()
    if (!this.acceptPunct('(')) throw this.unexpected("'('");
    const values = [this.value()];
    while (this.acceptPunct(',')) values.push(this.value());
    if (!this.acceptPunct(')')) throw this.unexpected("')'");
    return values;
  }

  private value(): Value {
    const tok = this.next();
    if (tok.t === 'string') return { kind: 'literal', text: tok.v, quoted: true };
    if (tok.t === 'word') {
      const lower = tok.v.toLowerCase();
      if (lower === 'empty' || lower === 'null') return { kind: 'empty' };
      if (RESERVED.has(lower))
        throw new JqlError(`Error in the JQL Query: '${tok.v}' is a reserved JQL word; quote it to use it as a value. (position ${tok.pos + 1})`);
      if (this.acceptPunct('(')) {
        const args: string[] = [];
        if (!this.acceptPunct(')')) {
          do {
            const a = this.next();
            if (a.t !== 'word' && a.t !== 'string') throw this.unexpected('a function argument', a);
            args.push(a.v);
          } while (this.acceptPunct(','));
          if (!this.acceptPunct(')')) throw this.unexpected("')'");
        }
        return { kind: 'function', name: tok.v, args };
      }
      return { kind: 'literal', text: tok.v, quoted: false };
    }
    throw this.unexpected('a value', tok);
  }

  private field(): FieldRef {
    const tok = this.next();
    if (tok.t === 'cf') return { text: `cf[${tok.v}]`, customId: tok.v };
    if (tok.t === 'string') return { text: tok.v };
    if (tok.t === 'word' && !RESERVED.has(tok.v.toLowerCase())) return { text: tok.v };
    throw this.unexpected('a field name', tok);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const tok = this.tokens[this.i];
    if (!tok) throw new JqlError('Error in the JQL Query: The query ended unexpectedly.');
    this.i++;
    return tok;
  }

  private isWord(w: string): boolean {
    const tok = this.peek();
    return tok?.t === 'word' && tok.v.toLowerCase() === w;
  }

  private expectWord(w: string): void {
    if (!this.isWord(w)) throw this.unexpected(`'${w.toUpperCase()}'`);
    this.i++;
  }

  private acceptPunct(p: '(' | ')' | ','): boolean {
    const tok = this.peek();
    if (tok?.t === 'punct' && tok.v === p) {
      this.i++;
      return true;
    }
    return false;
  }

  private unexpected(what: string, tok: Token | undefined = this.peek()): JqlError {
    if (!tok) return new JqlError(`Error in the JQL Query: Expecting ${what} but the query ended.`);
    return new JqlError(`Error in the JQL Query: Expecting ${what} but got '${tok.v}'. (position ${tok.pos + 1})`);
  }
}

export function parseJql(jql: string): Query {
  return new Parser(tokenize(jql)).parse();
}
