; Definitions and references for the indexer (tree-sitter tags conventions).

; ---- modules -------------------------------------------------------------

(attribute_statement
  name: (identifier) @_attr
  value: (string_literal) @name
  (#match? @_attr "^[Vv][Bb]_[Nn][Aa][Mm][Ee]$")) @definition.module

(class_declaration
  name: (identifier) @name) @definition.class

(begin_block
  name: (identifier) @name) @definition.object

; ---- procedures ----------------------------------------------------------

(sub_declaration
  name: (identifier) @name) @definition.function

(function_declaration
  name: (identifier) @name) @definition.function

(property_declaration
  name: (identifier) @name) @definition.method

; headers written inside #If branches
(sub_header
  name: (identifier) @name) @definition.function

(function_header
  name: (identifier) @name) @definition.function

(property_header
  name: (identifier) @name) @definition.method

(declare_statement
  name: (identifier) @name) @definition.function

(event_declaration
  name: (identifier) @name) @definition.event

; ---- types, constants, variables -----------------------------------------

(type_declaration
  name: (identifier) @name) @definition.type

(type_member
  name: (identifier) @name) @definition.field

(enum_declaration
  name: (identifier) @name) @definition.enum

(enum_member
  name: (identifier) @name) @definition.constant

(const_declarator
  name: (identifier) @name) @definition.constant

(variable_declarator
  name: (identifier) @name) @definition.variable

(parameter
  name: (identifier) @name) @definition.parameter

(label
  name: (_) @name) @definition.label

; ---- references ----------------------------------------------------------

(call_statement
  function: (identifier) @name) @reference.call

(call_statement
  function: (member_expression
    member: (identifier) @name)) @reference.call

(call_expression
  function: (identifier) @name) @reference.call

(call_expression
  function: (member_expression
    member: (identifier) @name)) @reference.call

(raiseevent_statement
  name: (identifier) @name) @reference.event

(addressof_expression
  value: (identifier) @name) @reference.call

(type_name
  (identifier) @name .) @reference.type

(implements_statement
  interface: (type_name) @name) @reference.implementation

(goto_statement
  target: (_) @name) @reference.label

(gosub_statement
  target: (_) @name) @reference.label

(on_error_statement
  target: (_) @name) @reference.label

(resume_statement
  target: (_) @name) @reference.label
