// The tree-sitter grammar DSL, enough to turn a standard grammar.js into grammar.json.
//
// Usage: node dsl.js path/to/grammar.js > grammar.json
//
// Grammars are written exactly as for the official CLI (`module.exports = grammar({...})`
// with the global functions seq, choice, repeat, ...), so either tool can build them.
"use strict";

const path = require("path");

class RuleBuilder {
  constructor(value) {
    Object.assign(this, value);
  }
}

// What `$.name` gives for a name that is neither a rule nor an external: usable only as an
// alias target (`alias($.x, $.new_name)` names a node type that has no rule of its own).
class UndefinedSymbol {
  constructor(name) {
    this.name = name;
  }
}

// `new RustRegex("...")`: a pattern in Rust regex syntax, passed through untouched.
class RustRegex {
  constructor(value) {
    this.value = value;
  }
}

function normalize(value) {
  if (value instanceof RuleBuilder) return value;
  if (value instanceof UndefinedSymbol) throw new Error(`Undefined symbol '${value.name}'`);
  if (value instanceof RustRegex) return new RuleBuilder({ type: "PATTERN", value: value.value });
  if (typeof value === "string") return new RuleBuilder({ type: "STRING", value });
  if (value instanceof RegExp) {
    const rule = { type: "PATTERN", value: value.source };
    if (value.flags) rule.flags = value.flags;
    return new RuleBuilder(rule);
  }
  if (value === undefined || value === null) {
    throw new Error(`Invalid rule: ${value} (a rule function returned nothing, or a missing argument)`);
  }
  if (typeof value === "object" && typeof value.type === "string") return new RuleBuilder(value);
  throw new TypeError(`Invalid rule: ${JSON.stringify(value)}`);
}

const sym = (name) => new RuleBuilder({ type: "SYMBOL", name });
const blank = () => new RuleBuilder({ type: "BLANK" });
const seq = (...members) => new RuleBuilder({ type: "SEQ", members: members.map(normalize) });
const choice = (...members) =>
  new RuleBuilder({ type: "CHOICE", members: members.map(normalize) });
const optional = (value) => choice(value, blank());
const repeat = (value) => new RuleBuilder({ type: "REPEAT", content: normalize(value) });
const repeat1 = (value) => new RuleBuilder({ type: "REPEAT1", content: normalize(value) });
function field(name, value) {
  if (typeof name !== "string") throw new Error(`Invalid field name: ${JSON.stringify(name)}`);
  return new RuleBuilder({ type: "FIELD", name, content: normalize(value) });
}

function alias(value, target) {
  const content = normalize(value);
  const named = target instanceof UndefinedSymbol;
  if (named || (target instanceof RuleBuilder && target.type === "SYMBOL")) {
    return new RuleBuilder({ type: "ALIAS", content, named: true, value: target.name });
  }
  if (typeof target === "string") {
    return new RuleBuilder({ type: "ALIAS", content, named: false, value: target });
  }
  throw new Error(`Invalid alias target: ${JSON.stringify(target)}`);
}

function precValue(number) {
  if (typeof number === "number" || typeof number === "string") return number;
  throw new Error(`Invalid precedence: ${JSON.stringify(number)}`);
}

function makePrec(type) {
  return (number, value) => {
    if (value === undefined && (type === "PREC_LEFT" || type === "PREC_RIGHT")) {
      return new RuleBuilder({ type, value: 0, content: normalize(number) });
    }
    return new RuleBuilder({ type, value: precValue(number), content: normalize(value) });
  };
}

const prec = makePrec("PREC");
prec.left = makePrec("PREC_LEFT");
prec.right = makePrec("PREC_RIGHT");
prec.dynamic = makePrec("PREC_DYNAMIC");

const token = (value) => new RuleBuilder({ type: "TOKEN", content: normalize(value) });
token.immediate = (value) =>
  new RuleBuilder({ type: "IMMEDIATE_TOKEN", content: normalize(value) });

function reserved(wordset, value) {
  if (typeof wordset !== "string") throw new Error(`Invalid reserved word set: ${wordset}`);
  return new RuleBuilder({ type: "RESERVED", context_name: wordset, content: normalize(value) });
}

// `$` in grammar functions. With `known` (a Set of rule and external names), other names
// give an UndefinedSymbol so that a typo fails loudly; without it every name is a symbol
// (used for `externals`, which declare names rather than refer to them).
function symbolProxy(known) {
  return new Proxy(
    {},
    {
      get(_, name) {
        if (typeof name !== "string") return undefined;
        return !known || known.has(name) ? sym(name) : new UndefinedSymbol(name);
      },
    },
  );
}

function withContext(what, fn) {
  try {
    return fn();
  } catch (error) {
    error.message = `${what}: ${error.message}`;
    throw error;
  }
}

function names(list, what) {
  return list.map((item) => {
    const rule = normalize(item);
    if (rule.type !== "SYMBOL") throw new Error(`${what} must list symbols`);
    return rule.name;
  });
}

function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

function checkOptions(options, base) {
  if (!options || typeof options.name !== "string" || !/^[a-zA-Z_]\w*$/.test(options.name)) {
    throw new Error("grammar() needs a `name` that is an identifier");
  }
  const rules = options.rules || {};
  if (typeof rules !== "object") throw new Error("Grammar's `rules` must be an object");
  for (const [name, fn] of Object.entries(rules)) {
    if (typeof fn !== "function") throw new Error(`Rule '${name}' must be a function`);
  }
  if (!base && Object.keys(rules).length === 0) throw new Error("Grammar has no rules");
}

// Option lists as callbacks see them: inherited values come back as rule objects.
function inheritedOptions(inherited) {
  const syms = (list) => (list || []).map(sym);
  return {
    extras: inherited.extras,
    conflicts: (inherited.conflicts || []).map(syms),
    precedences: inherited.precedences || [],
    externals: inherited.externals || [],
    inline: syms(inherited.inline),
    supertypes: syms(inherited.supertypes),
    reserved: inherited.reserved || {},
  };
}

function grammar(base, options) {
  if (options === undefined) {
    options = base;
    base = undefined;
  }
  checkOptions(options, base);
  const inherited = base ? base.grammar : {};
  const before = inheritedOptions(inherited);
  const out = { name: options.name };
  if (base) out.inherits = inherited.name;

  const externals = options.externals
    ? withContext("externals", () =>
        options.externals(symbolProxy(), before.externals).map(normalize),
      )
    : before.externals;
  const known = new Set(Object.keys(inherited.rules || {}));
  for (const name of Object.keys(options.rules || {})) known.add(name);
  for (const rule of externals) if (rule.type === "SYMBOL") known.add(rule.name);
  const $ = symbolProxy(known);
  const option = (key, fn) => withContext(key, () => fn(options[key]($, before[key])));

  if (options.word) out.word = option("word", (w) => names([w], "word")[0]);
  else if (inherited.word) out.word = inherited.word;
  const rules = Object.assign({}, inherited.rules || {});
  for (const [name, fn] of Object.entries(options.rules || {})) {
    const original = inherited.rules && inherited.rules[name];
    rules[name] = withContext(`Rule '${name}'`, () => normalize(fn.call(null, $, original)));
  }
  out.rules = rules;
  out.extras = options.extras
    ? option("extras", (list) => list.map(normalize))
    : inherited.extras || [{ type: "PATTERN", value: "\\s" }];
  out.conflicts = options.conflicts
    ? option("conflicts", (list) => list.map((c) => names(c, "conflicts")))
    : inherited.conflicts || [];
  out.precedences = options.precedences
    ? option("precedences", (list) => list.map((level) => level.map(normalize)))
    : before.precedences;
  out.externals = externals;
  out.inline = options.inline
    ? option("inline", (list) => names(list, "inline"))
    : inherited.inline || [];
  out.supertypes = options.supertypes
    ? option("supertypes", (list) => names(list, "supertypes"))
    : inherited.supertypes || [];
  out.reserved = {};
  for (const [set, fn] of Object.entries(options.reserved || before.reserved)) {
    out.reserved[set] =
      typeof fn === "function"
        ? withContext(`reserved '${set}'`, () => fn($, before.reserved[set]).map(normalize))
        : fn;
  }
  return { grammar: plain(out) };
}

Object.assign(global, {
  grammar, seq, choice, optional, repeat, repeat1, field, alias, prec, token, blank, sym,
  reserved, RustRegex,
});

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node dsl.js GRAMMAR_JS\n");
    process.exit(2);
  }
  try {
    const result = require(path.resolve(file));
    if (!result || typeof result.grammar !== "object") {
      throw new Error("module.exports is not the result of grammar({...})");
    }
    process.stdout.write(JSON.stringify(result.grammar, null, 2) + "\n");
  } catch (error) {
    process.stderr.write(`${file}: ${error.message}\n`);
    process.exit(1);
  }
}
