; Syntax highlighting for VBA / VB6 / VBScript.

(comment) @comment
(line_continuation) @punctuation.special

(string_literal) @string
(date_literal) @string.special
(integer_literal) @number
(float_literal) @number.float
(line_number) @label
(boolean_literal) @boolean
[(nothing) (empty) (null)] @constant.builtin
(me) @variable.builtin
(guid) @string.special
(frx_reference) @string.special
(shortcut) @string.special
(version_header) @keyword.directive

(modifier) @keyword.modifier

; definitions
(sub_declaration name: (identifier) @function)
(function_declaration name: (identifier) @function)
(property_declaration name: (identifier) @function.method)
(sub_header name: (identifier) @function)
(function_header name: (identifier) @function)
(property_header name: (identifier) @function.method)
(declare_statement name: (identifier) @function)
(event_declaration name: (identifier) @function)
(parameter name: (identifier) @variable.parameter)
(type_declaration name: (identifier) @type.definition)
(enum_declaration name: (identifier) @type.definition)
(enum_member name: (identifier) @constant)
(const_declarator name: (identifier) @constant)
(type_member name: (identifier) @property)
(label name: (identifier) @label)
(class_declaration name: (identifier) @type.definition)

(type_name (identifier) @type)

; uses
(call_expression function: (identifier) @function.call)
(call_expression function: (member_expression member: (identifier) @function.method.call))
(call_statement function: (identifier) @function.call)
(call_statement function: (member_expression member: (identifier) @function.method.call))
(member_expression member: (identifier) @property)
(dictionary_access member: (identifier) @property)
(named_argument name: (identifier) @variable.parameter)
(form_property name: (identifier) @property)
(attribute_statement name: (_) @attribute)

; keywords
[
  "Sub" "Function" "Property" "End Sub" "End Function" "End Property"
  "Get" "Let" "Set" "Class" "End Class" "Default"
  "Dim" "Const" "Type" "End Type" "Enum" "End Enum" "Declare" "PtrSafe" "Lib" "Alias"
  "Event" "Implements" "WithEvents" "As" "New" "Optional" "ByVal" "ByRef" "ParamArray"
  "Option" "Explicit" "Base" "Compare" "Binary" "Text" "Database" "Module" "Attribute"
  "DefBool" "DefByte" "DefInt" "DefLng" "DefLngLng" "DefLngPtr" "DefCur" "DefSng" "DefDbl"
  "DefDec" "DefDate" "DefStr" "DefObj" "DefVar"
  "Call" "ReDim" "Preserve" "Erase" "LSet" "RSet" "RaiseEvent" "Name"
  "Begin" "End" "BeginProperty" "EndProperty" "Object"
] @keyword

[
  "If" "Then" "Else" "ElseIf" "End If" "Select" "Case" "End Select"
] @keyword.conditional

[
  "For" "Each" "In" "To" "Step" "Next" "Do" "Loop" "While" "Until" "Wend" "End While"
  "With" "End With"
] @keyword.repeat

[
  "GoTo" "GoSub" "Return" "On" "Local" "Error" "Resume" "Exit" "Stop"
] @keyword.return

[
  "Open" "Close" "Print" "Write" "Input" "Line Input" "Get" "Put" "Seek" "Lock" "Unlock"
  "Width #" "Append" "Output" "Random" "Access" "Read" "Shared" "Len" "Spc" "Tab"
] @function.builtin

[
  "#If" "#ElseIf" "#Else" "#End If" "#Const"
] @keyword.directive

[
  "Not" "And" "Or" "Xor" "Eqv" "Imp" "Mod" "Like" "Is" "TypeOf" "AddressOf"
] @keyword.operator

[
  "=" "<>" "><" "<" ">" "<=" "=<" ">=" "=>" "+" "-" "*" "/" "\\" "^" "&" ":="
] @operator

["(" ")"] @punctuation.bracket
["," ";" ":" "." "!" "#"] @punctuation.delimiter
