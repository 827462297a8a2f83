/*
 * ankerl::unordered_dense shim over the C++ standard library.
 *
 * mediasoup >= 3.20.1 uses martinus/unordered_dense (a header-only open-addressing hash map) for
 * its lookup tables. Debian 12 has no package of it, and the build downloads nothing, so this
 * header gives the three names mediasoup uses, with the same template parameters:
 *
 *   ankerl::unordered_dense::map<Key, T, Hash, KeyEqual>  -> std::unordered_map
 *   ankerl::unordered_dense::set<Key, Hash, KeyEqual>     -> std::unordered_set
 *   ankerl::unordered_dense::hash<T>                      -> std::hash<T>
 *
 * Every member mediasoup calls (find, contains, try_emplace, emplace, erase returning the next
 * iterator, at, reserve, std::erase_if) exists on the standard containers with the same meaning.
 * The standard containers keep references valid on insert and erase, which is stronger than
 * unordered_dense's guarantee, so code written for unordered_dense stays correct. The cost is a
 * node allocation per insert and a pointer hop per lookup; the media benchmark
 * (bench/media-sessions.ts) measures the worker with it.
 */
#ifndef DISTANS_ANKERL_UNORDERED_DENSE_SHIM_H
#define DISTANS_ANKERL_UNORDERED_DENSE_SHIM_H

#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ankerl::unordered_dense
{
	template<class T>
	struct hash : std::hash<T>
	{
	};

	template<
	  class Key,
	  class T,
	  class Hash      = hash<Key>,
	  class KeyEqual  = std::equal_to<Key>,
	  class Allocator = std::allocator<std::pair<const Key, T>>>
	using map = std::unordered_map<Key, T, Hash, KeyEqual, Allocator>;

	template<class Key, class Hash = hash<Key>, class KeyEqual = std::equal_to<Key>, class Allocator = std::allocator<Key>>
	using set = std::unordered_set<Key, Hash, KeyEqual, Allocator>;
} // namespace ankerl::unordered_dense

#endif /* DISTANS_ANKERL_UNORDERED_DENSE_SHIM_H */
