/* Python binding shared by every generated grammar: exposes tree_sitter_<name>() as the
   capsule py-tree-sitter's Language() accepts. TS_LANGUAGE_NAME is set by setup.py. */
#include <Python.h>

typedef struct TSLanguage TSLanguage;

#define TS_CAT2(a, b) a##b
#define TS_CAT(a, b) TS_CAT2(a, b)
#define TS_STR2(a) #a
#define TS_STR(a) TS_STR2(a)

TSLanguage *TS_CAT(tree_sitter_, TS_LANGUAGE_NAME)(void);

static PyObject *language(PyObject *self, PyObject *unused) {
  (void)self;
  (void)unused;
  return PyCapsule_New(TS_CAT(tree_sitter_, TS_LANGUAGE_NAME)(), "tree_sitter.Language", NULL);
}

static PyMethodDef methods[] = {
    {"language", language, METH_NOARGS, "The tree-sitter language of this grammar."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_" TS_STR(TS_LANGUAGE_NAME), NULL, -1, methods,
};

PyMODINIT_FUNC TS_CAT(PyInit__, TS_LANGUAGE_NAME)(void) { return PyModule_Create(&module); }
