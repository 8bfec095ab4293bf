/* Memory allocation for external scanners: ts_malloc, ts_calloc, ts_realloc, ts_free.
 *
 * Written for this project (see docs/grammar-compiler.md, "Scanner headers"). External
 * scanners of tree-sitter grammars include it as "tree_sitter/alloc.h"; the generator writes
 * it next to parser.h. The four names are object-like macros, so they can be called or passed
 * as function pointers:
 *
 *   - by default they are the C library's malloc, calloc, realloc and free;
 *   - with TREE_SITTER_REUSE_ALLOCATOR defined, they go through the function pointers a
 *     tree-sitter runtime exports (ts_current_malloc, ...), so that a scanner linked into the
 *     runtime allocates with whatever allocator the runtime was given. The runtime must then
 *     export those symbols: py-tree-sitter's binding keeps them private, so scanners loaded
 *     into Python use the default;
 *   - a definition made before this header is included wins (-Dts_malloc=my_malloc). */
#ifndef TRANSFORM_TREE_SITTER_ALLOC_H_
#define TRANSFORM_TREE_SITTER_ALLOC_H_

#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef TREE_SITTER_REUSE_ALLOCATOR

extern void *(*ts_current_malloc)(size_t size);
extern void *(*ts_current_calloc)(size_t count, size_t size);
extern void *(*ts_current_realloc)(void *pointer, size_t size);
extern void (*ts_current_free)(void *pointer);

#ifndef ts_malloc
#define ts_malloc ts_current_malloc
#endif
#ifndef ts_calloc
#define ts_calloc ts_current_calloc
#endif
#ifndef ts_realloc
#define ts_realloc ts_current_realloc
#endif
#ifndef ts_free
#define ts_free ts_current_free
#endif

#else /* the C library */

#ifndef ts_malloc
#define ts_malloc malloc
#endif
#ifndef ts_calloc
#define ts_calloc calloc
#endif
#ifndef ts_realloc
#define ts_realloc realloc
#endif
#ifndef ts_free
#define ts_free free
#endif

#endif /* TREE_SITTER_REUSE_ALLOCATOR */

#ifdef __cplusplus
}
#endif

#endif /* TRANSFORM_TREE_SITTER_ALLOC_H_ */
