#pragma once
// The items or members of a Value: a vector in one pointer. Size and capacity live in front of the
// elements, so an empty collection (every scalar and every mapping key has two of them) costs 8 bytes
// instead of std::vector's 24. A document's memory is mostly its values, and in a one-file run
// memory is time: every new page is a page fault.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <utility>

namespace gomo::document {

template <typename T>
class Children {
 public:
  Children() = default;
  Children(std::initializer_list<T> init) { assign(init.begin(), init.end()); }
  Children(const Children& other) { assign(other.begin(), other.end()); }
  Children(Children&& other) noexcept : data_(std::exchange(other.data_, nullptr)) {}
  Children& operator=(const Children& other) {
    if (this != &other) {
      clear();
      assign(other.begin(), other.end());
    }
    return *this;
  }
  Children& operator=(Children&& other) noexcept {
    if (this != &other) {
      release();
      data_ = std::exchange(other.data_, nullptr);
    }
    return *this;
  }
  Children& operator=(std::initializer_list<T> init) {
    clear();
    assign(init.begin(), init.end());
    return *this;
  }
  ~Children() { release(); }

  size_t size() const { return data_ ? header()->size : 0; }
  bool empty() const { return size() == 0; }
  size_t capacity() const { return data_ ? header()->capacity : 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T* begin() { return data_; }
  T* end() { return data_ + size(); }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size(); }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size() - 1]; }
  const T& back() const { return data_[size() - 1]; }

  void reserve(size_t n) {
    if (n <= capacity()) return;
    const size_t count = size();
    move_into(allocate(n), count);
    header()->size = static_cast<uint32_t>(count);
  }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    const size_t count = size();
    if (count < capacity()) {
      T* slot = ::new (data_ + count) T(std::forward<Args>(args)...);
      header()->size = static_cast<uint32_t>(count + 1);
      return *slot;
    }
    // The new element first: `args` may refer to an element of the old storage.
    T* fresh = allocate(count < 4 ? 4 : count * 2);
    ::new (fresh + count) T(std::forward<Args>(args)...);
    move_into(fresh, count);
    header()->size = static_cast<uint32_t>(count + 1);
    return data_[count];
  }
  void push_back(const T& value) { emplace_back(value); }
  void push_back(T&& value) { emplace_back(std::move(value)); }

  T* insert(const T* pos, T value) {
    const size_t at = static_cast<size_t>(pos - data_);
    emplace_back(std::move(value));
    for (size_t i = size() - 1; i > at; --i) std::swap(data_[i], data_[i - 1]);
    return data_ + at;
  }

  T* erase(const T* pos) { return erase(pos, pos + 1); }
  T* erase(const T* first, const T* last) {
    const size_t at = static_cast<size_t>(first - data_), gone = static_cast<size_t>(last - first);
    const size_t count = size();
    if (gone == 0) return data_ + at;
    for (size_t i = at; i + gone < count; ++i) data_[i] = std::move(data_[i + gone]);
    for (size_t i = count - gone; i < count; ++i) data_[i].~T();
    header()->size = static_cast<uint32_t>(count - gone);
    return data_ + at;
  }

  // Moves every element of `from` (a std::vector) to the end, sized exactly, and clears `from`:
  // readers collect children in a scratch vector per depth, then move them here.
  template <typename Vector>
  void take(Vector& from) {
    reserve(size() + from.size());
    for (auto& x : from) emplace_back(std::move(x));
    from.clear();
  }

  void clear() {
    const size_t count = size();
    for (size_t i = 0; i < count; ++i) data_[i].~T();
    if (data_) header()->size = 0;
  }

 private:
  struct Header {
    uint32_t size;
    uint32_t capacity;
  };
  // Where the elements start in a block: after the header, aligned for T (a function: T is still
  // incomplete where Value declares its children).
  static constexpr size_t offset() { return alignof(T) > sizeof(Header) ? alignof(T) : sizeof(Header); }

  Header* header() const { return reinterpret_cast<Header*>(reinterpret_cast<unsigned char*>(data_) - sizeof(Header)); }

  static T* allocate(size_t n) {
    auto* block = static_cast<unsigned char*>(::operator new(offset() + n * sizeof(T)));
    auto* h = reinterpret_cast<Header*>(block + offset() - sizeof(Header));
    h->size = 0;
    h->capacity = static_cast<uint32_t>(n);
    return reinterpret_cast<T*>(block + offset());
  }
  void deallocate() {
    if (data_) ::operator delete(reinterpret_cast<unsigned char*>(data_) - offset());
  }
  // Moves the `count` elements to `fresh` (allocated by allocate()) and frees the old block.
  void move_into(T* fresh, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      ::new (fresh + i) T(std::move(data_[i]));
      data_[i].~T();
    }
    deallocate();
    data_ = fresh;
  }
  void release() {
    clear();
    deallocate();
    data_ = nullptr;
  }
  template <typename It>
  void assign(It first, It last) {
    reserve(static_cast<size_t>(last - first));
    for (; first != last; ++first) emplace_back(*first);
  }

  T* data_ = nullptr;
};

}  // namespace gomo::document
