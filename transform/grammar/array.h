/* Growable arrays for external scanners: the Array(T) type and the array_* macros.
 *
 * Written for this project (see docs/grammar-compiler.md, "Scanner headers") from the
 * interface external scanners of tree-sitter grammars use. They include it as
 * "tree_sitter/array.h"; the generator writes it next to parser.h.
 *
 * An Array(T) is a struct { T *contents; uint32_t size; uint32_t capacity; }. A zeroed one
 * (array_new(), array_init, calloc) is a valid empty array, and scanners may read and write
 * the fields directly (set `size` after array_reserve and a memcpy, for instance). Every
 * macro takes a pointer to the array (`array_push(&stack, x)`) and may evaluate its arguments
 * more than once, so pass arguments without side effects. Memory comes from alloc.h's
 * ts_malloc/ts_realloc/ts_free; running out of memory aborts. Indices are checked with
 * assert(), so NDEBUG turns the checks off.
 *
 *   array_new()                    initializer of an empty array: `String s = array_new();`,
 *                                  `(String)array_new()`, `.field = array_new()`
 *   array_init(a)                  make *a empty without freeing (for uninitialised memory)
 *   array_delete(a)                free the buffer and make *a empty
 *   array_clear(a)                 size = 0, keeping the buffer
 *   array_reserve(a, n)            capacity of at least n (size unchanged)
 *   array_elem_size(a)             sizeof an element
 *   array_get(a, i)                pointer to element i (i < size)
 *   array_front(a), array_back(a)  pointer to the first / last element (size > 0)
 *   array_push(a, x)               append x
 *   array_pop(a)                   remove the last element and give its value
 *   array_grow_by(a, n)            append n zeroed elements
 *   array_extend(a, n, p)          append n elements copied from p
 *   array_push_all(a, b)           append the elements of array b
 *   array_splice(a, i, old, new, p) replace the `old` elements at i with `new` elements
 *                                  copied from p (zeroed if p is NULL)
 *   array_insert(a, i, x)          insert x at i (i <= size)
 *   array_erase(a, i)              remove element i
 *   array_assign(a, b)             make *a a copy of array b
 *   array_swap(a, b)               exchange two arrays (buffers included)
 *   array_search_sorted_with(a, compare, needle, &i, &found)
 *       binary search of an array sorted by compare(const T *element, needle) (<0, 0, >0,
 *       like strcmp; needle is a pointer): i = the first position whose element is not
 *       below the needle (where it would be inserted), found = an element there compares 0
 *   array_search_sorted_by(a, field, needle, &i, &found)
 *       the same, ordering by `element field` with < (field is an accessor suffix such as
 *       `.start` or empty for arrays of numbers: array_search_sorted_by(a, , 7, &i, &found))
 *   array_insert_sorted_with(a, compare, x), array_insert_sorted_by(a, field, x)
 *       insert x at its sorted position unless an equal element is there already (a sorted
 *       set); x must be an lvalue for the `_with` form
 *
 * Elements pushed or inserted must not be read from the same array (a push or an insert can
 * move the buffer); array_extend, array_splice, array_push_all and array_assign may copy from
 * the array itself. */
#ifndef TRANSFORM_TREE_SITTER_ARRAY_H_
#define TRANSFORM_TREE_SITTER_ARRAY_H_

#include "alloc.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define Array(T)       \
  struct {             \
    T *contents;       \
    uint32_t size;     \
    uint32_t capacity; \
  }

#define array_new() {NULL, 0, 0}

#define array_init(self) ((void)((self)->contents = NULL, (self)->size = 0, (self)->capacity = 0))

#define array_delete(self) ((void)(ts_free((self)->contents), array_init(self)))

#define array_clear(self) ((void)((self)->size = 0))

#define array_elem_size(self) (sizeof *(self)->contents)

#define array_reserve(self, new_capacity)                                                      \
  ((void)((self)->contents = TS_ARRAY__AS(                                                     \
              self, ts_array__reserve((self)->contents, &(self)->capacity, (size_t)(new_capacity), \
                                      array_elem_size(self)))))

#define array_get(self, index) \
  (assert((size_t)(index) < (self)->size), &(self)->contents[(size_t)(index)])

#define array_front(self) array_get(self, 0)

#define array_back(self) array_get(self, (self)->size - 1)

#define array_push(self, ...)                                                                  \
  ((void)((self)->contents = TS_ARRAY__AS(self, ts_array__room((self)->contents, (self)->size,    \
                                                               &(self)->capacity, 1,            \
                                                               array_elem_size(self))),         \
          (self)->contents[(self)->size] = (__VA_ARGS__), (self)->size++))

#define array_pop(self) (assert((self)->size > 0), (self)->contents[--(self)->size])

#define array_splice(self, index, old_count, new_count, new_contents)                            \
  ((void)((self)->contents = TS_ARRAY__AS(                                                      \
              self, ts_array__splice((self)->contents, &(self)->size, &(self)->capacity,         \
                                     array_elem_size(self), (size_t)(index), (size_t)(old_count), \
                                     (size_t)(new_count), (new_contents)))))

#define array_grow_by(self, count) array_splice(self, (self)->size, 0, count, NULL)

#define array_extend(self, count, other_contents) \
  array_splice(self, (self)->size, 0, count, other_contents)

#define array_push_all(self, other) \
  (TS_ARRAY__SAME_ELEMENTS(self, other), array_extend(self, (other)->size, (other)->contents))

#define array_insert(self, index, ...) \
  (array_splice(self, index, 0, 1, NULL), (void)((self)->contents[index] = (__VA_ARGS__)))

#define array_erase(self, index) array_splice(self, index, 1, 0, NULL)

#define array_assign(self, other)          \
  (TS_ARRAY__SAME_ELEMENTS(self, other),   \
   array_splice(self, 0, (self)->size, (other)->size, (other)->contents))

#define array_swap(self, other) \
  (TS_ARRAY__SAME_ELEMENTS(self, other), ts_array__swap((self), (other), sizeof *(self)))

#define array_search_sorted_with(self, compare, needle, _index, _exists) \
  TS_ARRAY__SEARCH(self, TS_ARRAY__ORDER_WITH, compare, needle, _index, _exists)

#define array_search_sorted_by(self, field, needle, _index, _exists) \
  TS_ARRAY__SEARCH(self, TS_ARRAY__ORDER_BY, field, needle, _index, _exists)

#define array_insert_sorted_with(self, compare, value)                                  \
  do {                                                                                 \
    uint32_t ts_array__position;                                                       \
    bool ts_array__present;                                                            \
    array_search_sorted_with(self, compare, &(value), &ts_array__position, &ts_array__present); \
    if (!ts_array__present) array_insert(self, ts_array__position, value);             \
  } while (0)

#define array_insert_sorted_by(self, field, value)                                      \
  do {                                                                                 \
    uint32_t ts_array__position;                                                       \
    bool ts_array__present;                                                            \
    array_search_sorted_by(self, field, (value)field, &ts_array__position, &ts_array__present); \
    if (!ts_array__present) array_insert(self, ts_array__position, value);             \
  } while (0)

/* ---- implementation ---------------------------------------------------------------------- */

/* The helpers take and return the buffer as void * and the macros convert it back to the
   element pointer type (C does that implicitly; C++ needs the cast). */
#ifdef __cplusplus
#define TS_ARRAY__AS(self, pointer) static_cast<decltype((self)->contents)>(pointer)
#else
#define TS_ARRAY__AS(self, pointer) (pointer)
#endif

/* Compile-time check that two arrays hold the same element type (distinct pointer types
   draw a diagnostic), evaluating nothing. */
#define TS_ARRAY__SAME_ELEMENTS(self, other) ((void)sizeof((self)->contents == (other)->contents))

#define TS_ARRAY__ORDER_WITH(self, at, compare, needle) compare(&(self)->contents[at], (needle))

#define TS_ARRAY__ORDER_BY(self, at, field, needle) \
  (((self)->contents[at] field) < (needle) ? -1 : (needle) < ((self)->contents[at] field) ? 1 : 0)

/* Lower bound: the first position whose element does not order below the needle. */
#define TS_ARRAY__SEARCH(self, ORDER, how, needle, _index, _exists)                     \
  do {                                                                                 \
    uint32_t ts_array__low = 0, ts_array__high = (self)->size;                         \
    while (ts_array__low < ts_array__high) {                                           \
      uint32_t ts_array__middle = ts_array__low + (ts_array__high - ts_array__low) / 2; \
      if (ORDER(self, ts_array__middle, how, needle) < 0) {                            \
        ts_array__low = ts_array__middle + 1;                                          \
      } else {                                                                         \
        ts_array__high = ts_array__middle;                                             \
      }                                                                                \
    }                                                                                  \
    *(_index) = ts_array__low;                                                         \
    *(_exists) = ts_array__low < (self)->size && ORDER(self, ts_array__low, how, needle) == 0; \
  } while (0)

/* A buffer of at least `wanted` elements (capacity updated); the old one if it is enough. */
static inline void *ts_array__reserve(void *contents, uint32_t *capacity, size_t wanted,
                                      size_t elem_size) {
  if (wanted <= *capacity) return contents;
  if (wanted > UINT32_MAX || wanted > SIZE_MAX / elem_size) abort();
  void *buffer = contents ? ts_realloc(contents, wanted * elem_size) : ts_malloc(wanted * elem_size);
  if (buffer == NULL) abort();
  *capacity = (uint32_t)wanted;
  return buffer;
}

/* Room for `extra` elements after the first `size`, growing the capacity geometrically so
   that repeated pushes cost amortised constant time. */
static inline void *ts_array__room(void *contents, uint32_t size, uint32_t *capacity,
                                   size_t extra, size_t elem_size) {
  size_t needed = (size_t)size + extra;
  if (needed <= *capacity) return contents;
  size_t grown = (size_t)*capacity * 2;
  if (grown < 8) grown = 8;
  if (grown > UINT32_MAX) grown = UINT32_MAX;
  return ts_array__reserve(contents, capacity, needed > grown ? needed : grown, elem_size);
}

static inline void *ts_array__splice(void *contents, uint32_t *size, uint32_t *capacity,
                                     size_t elem_size, size_t index, size_t old_count,
                                     size_t new_count, const void *new_contents) {
  assert(index <= *size && old_count <= *size - index);
  size_t tail = *size - index - old_count;
  void *copy = NULL;
  if (new_contents != NULL && new_count > 0 && contents != NULL) {
    /* copying from the array itself: take the elements aside before anything moves */
    uintptr_t from = (uintptr_t)new_contents, start = (uintptr_t)contents;
    if (from >= start && from < start + (size_t)*capacity * elem_size) {
      copy = ts_malloc(new_count * elem_size);
      if (copy == NULL) abort();
      memcpy(copy, new_contents, new_count * elem_size);
      new_contents = copy;
    }
  }
  if (new_count > old_count) {
    contents = ts_array__room(contents, *size, capacity, new_count - old_count, elem_size);
  }
  if (new_count != old_count && tail > 0) {
    char *base = (char *)contents;
    memmove(base + (index + new_count) * elem_size, base + (index + old_count) * elem_size,
            tail * elem_size);
  }
  if (new_count > 0) {
    char *at = (char *)contents + index * elem_size;
    if (new_contents != NULL) {
      memcpy(at, new_contents, new_count * elem_size);
    } else {
      memset(at, 0, new_count * elem_size);
    }
  }
  *size = (uint32_t)(index + new_count + tail);
  if (copy != NULL) ts_free(copy);
  return contents;
}

static inline void ts_array__swap(void *self, void *other, size_t struct_size) {
  unsigned char *a = (unsigned char *)self, *b = (unsigned char *)other;
  for (size_t i = 0; i < struct_size; i++) {
    unsigned char byte = a[i];
    a[i] = b[i];
    b[i] = byte;
  }
}

#ifdef __cplusplus
}
#endif

#endif /* TRANSFORM_TREE_SITTER_ARRAY_H_ */
