#pragma once
// Expected failures travel as values: Result<T> holds either a T or an English message.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace recoscope::core {

struct Error {
    std::string message;
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<T>(m_value);
    }
    const T& value() const& {
        assert(ok());
        return std::get<T>(m_value);
    }
    T&& value() && {
        assert(ok());
        return std::get<T>(std::move(m_value));
    }
    const std::string& error() const {
        assert(!ok());
        return std::get<Error>(m_value).message;
    }

private:
    std::variant<T, Error> m_value;
};

/// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

} // namespace recoscope::core
