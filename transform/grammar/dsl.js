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

function normalize(value) {
  if (value instanceof RuleBuilder) return value;
  if (typeof value === "string") return new RuleBuilder({ type: "STRING", value });
  if (value instanceof RegExp) {
    const rule = { type: "PATTERN", value: value.source };
    if (value.flags) rule.flags = value.flags;
    return new RuleBuilder(rule);
  }
  if (value === undefined || value === null) {
    throw new Error("Undefined symbol: a rule refers to something that does not exist");
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
const field = (name, value) =>
  new RuleBuilder({ type: "FIELD", name, content: normalize(value) });

function alias(value, target) {
  const content = normalize(value);
  if (target instanceof RuleBuilder && target.type === "SYMBOL") {
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
    if (value === undefined && type !== "PREC") {
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

const reserved = (wordset, value) =>
  new RuleBuilder({ type: "RESERVED", context_name: wordset, content: normalize(value) });

// `$` in rule functions: every property is a symbol reference.
function symbolProxy() {
  return new Proxy({}, { get: (_, name) => (typeof name === "string" ? sym(name) : undefined) });
}

function callWith$(fn, original) {
  return fn.call(null, symbolProxy(), original);
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

function grammar(base, options) {
  if (options === undefined) {
    options = base;
    base = undefined;
  }
  const inherited = base ? base.grammar : {};
  const rules = Object.assign({}, inherited.rules || {});
  const $ = symbolProxy();
  for (const [name, fn] of Object.entries(options.rules || {})) {
    const original = inherited.rules && inherited.rules[name];
    rules[name] = normalize(fn.call(null, $, original));
  }
  const out = { name: options.name };
  if (base) out.inherits = inherited.name;
  if (options.word) out.word = names([callWith$(options.word)], "word")[0];
  else if (inherited.word) out.word = inherited.word;
  out.rules = rules;
  out.extras = options.extras
    ? callWith$(options.extras, inherited.extras).map(normalize)
    : inherited.extras || [{ type: "PATTERN", value: "\\s" }];
  out.conflicts = options.conflicts
    ? callWith$(options.conflicts, inherited.conflicts).map((c) => names(c, "conflicts"))
    : inherited.conflicts || [];
  out.precedences = options.precedences
    ? callWith$(options.precedences, inherited.precedences).map((level) => level.map(normalize))
    : inherited.precedences || [];
  out.externals = options.externals
    ? callWith$(options.externals, inherited.externals).map(normalize)
    : inherited.externals || [];
  out.inline = options.inline
    ? names(callWith$(options.inline, inherited.inline), "inline")
    : inherited.inline || [];
  out.supertypes = options.supertypes
    ? names(callWith$(options.supertypes, inherited.supertypes), "supertypes")
    : inherited.supertypes || [];
  out.reserved = {};
  for (const [set, fn] of Object.entries(options.reserved || inherited.reserved || {})) {
    out.reserved[set] = typeof fn === "function" ? callWith$(fn).map(normalize) : fn;
  }
  return { grammar: plain(out) };
}

Object.assign(global, {
  grammar, seq, choice, optional, repeat, repeat1, field, alias, prec, token, blank, sym,
  reserved,
});

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node dsl.js GRAMMAR_JS\n");
    process.exit(2);
  }
  const result = require(path.resolve(file));
  process.stdout.write(JSON.stringify(result.grammar, null, 2) + "\n");
}
