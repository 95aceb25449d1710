#include "tests/client/cli_test_util.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace kg::testing {
namespace {

void SetEnvironment(const std::map<std::string, std::string>& env) {
  for (const auto& [name, value] : env) {
    if (value.empty()) {
      ::unsetenv(name.c_str());
    } else {
      ::setenv(name.c_str(), value.c_str(), 1);
    }
  }
}

[[noreturn]] void Exec(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

int WaitExit(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  if (options.pty) {
    int master = -1;
    struct winsize size {};
    size.ws_row = 50;
    size.ws_col = 200;
    pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid < 0) return result;
    if (pid == 0) {
      SetEnvironment(options.env);
      Exec(argv);
    }
    if (!options.stdin_data.empty()) {
      (void)!::write(master, options.stdin_data.data(), options.stdin_data.size());
    }
    char buffer[4096];
    while (true) {
      struct pollfd fd = {master, POLLIN, 0};
      int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now())
                                    .count());
      if (ms <= 0) {
        ::kill(pid, SIGKILL);
        break;
      }
      int ready = ::poll(&fd, 1, ms);
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) continue;
      ssize_t n = ::read(master, buffer, sizeof(buffer));
      if (n <= 0) break;  // EIO once the child has exited and closed the terminal.
      result.out.append(buffer, static_cast<size_t>(n));
    }
    ::close(master);
    result.exit_code = WaitExit(pid);
    return result;
  }

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) return result;
  pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0) {
    ::dup2(in_pipe[0], STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      ::close(fd);
    }
    SetEnvironment(options.env);
    Exec(argv);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // A small input fits the pipe buffer; larger ones are written while reading below.
  size_t written = 0;
  const std::string& input = options.stdin_data;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  } else {
    ::fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  int open_fds = 2;
  struct pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_fd, POLLOUT, 0}};
  char buffer[4096];
  while (open_fds > 0) {
    int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now())
                                  .count());
    if (ms <= 0) {
      ::kill(pid, SIGKILL);
      break;
    }
    fds[2].fd = in_fd;
    int ready = ::poll(fds, 3, ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
        ssize_t n = ::read(fds[i].fd, buffer, sizeof(buffer));
        if (n <= 0) {
          ::close(fds[i].fd);
          fds[i].fd = -1;
          --open_fds;
        } else {
          (i == 0 ? result.out : result.err).append(buffer, static_cast<size_t>(n));
        }
      }
    }
    if (in_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = ::write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if (n < 0 || written == input.size()) {
        ::close(in_fd);
        in_fd = -1;
      }
    }
  }
  for (int i = 0; i < 2; ++i) {
    if (fds[i].fd >= 0) ::close(fds[i].fd);
  }
  if (in_fd >= 0) ::close(in_fd);
  result.exit_code = WaitExit(pid);
  return result;
}

bool HaveProgram(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path == nullptr ? "/usr/bin:/bin" : path;
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

std::string XmlWellFormednessError(const std::string& xml) {
  std::vector<std::string> open;
  bool seen_root = false;
  size_t i = 0;
  const auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
           c == ':' || static_cast<unsigned char>(c) >= 0x80;
  };
  const auto check_text = [&](size_t begin, size_t end) -> std::string {
    for (size_t k = begin; k < end; ++k) {
      if (xml[k] == '<') return "unescaped < at byte " + std::to_string(k);
      if (xml[k] == '&') {
        size_t semi = xml.find(';', k);
        if (semi == std::string::npos || semi > end) return "bad & at byte " + std::to_string(k);
        std::string ref = xml.substr(k + 1, semi - k - 1);
        if (ref != "amp" && ref != "lt" && ref != "gt" && ref != "quot" && ref != "apos" &&
            !(ref.size() > 1 && ref[0] == '#')) {
          return "unknown entity &" + ref + "; at byte " + std::to_string(k);
        }
      }
    }
    return "";
  };
  while (i < xml.size()) {
    size_t lt = xml.find('<', i);
    if (lt == std::string::npos) lt = xml.size();
    if (std::string e = check_text(i, lt); !e.empty()) return e;
    if (open.empty() && xml.find_first_not_of(" \t\r\n", i) < lt) {
      return "text outside the root element at byte " + std::to_string(i);
    }
    if (lt == xml.size()) break;
    if (xml.compare(lt, 4, "<!--") == 0) {
      size_t end = xml.find("-->", lt);
      if (end == std::string::npos) return "unclosed comment";
      i = end + 3;
      continue;
    }
    if (xml.compare(lt, 2, "<?") == 0) {
      size_t end = xml.find("?>", lt);
      if (end == std::string::npos) return "unclosed processing instruction";
      i = end + 2;
      continue;
    }
    bool closing = xml.compare(lt, 2, "</") == 0;
    size_t k = lt + (closing ? 2 : 1);
    size_t name_begin = k;
    while (k < xml.size() && is_name_char(xml[k])) ++k;
    std::string name = xml.substr(name_begin, k - name_begin);
    if (name.empty()) return "tag without a name at byte " + std::to_string(lt);
    // Attributes: name="value" or name='value'.
    bool self_closing = false;
    while (true) {
      while (k < xml.size() && std::isspace(static_cast<unsigned char>(xml[k]))) ++k;
      if (k >= xml.size()) return "unclosed tag <" + name;
      if (xml[k] == '>') {
        ++k;
        break;
      }
      if (xml.compare(k, 2, "/>") == 0 && !closing) {
        self_closing = true;
        k += 2;
        break;
      }
      if (closing) return "junk in closing tag </" + name;
      size_t attr_begin = k;
      while (k < xml.size() && is_name_char(xml[k])) ++k;
      if (k == attr_begin) return "bad attribute in <" + name + " at byte " + std::to_string(k);
      while (k < xml.size() && std::isspace(static_cast<unsigned char>(xml[k]))) ++k;
      if (k >= xml.size() || xml[k] != '=') return "attribute without = in <" + name;
      ++k;
      while (k < xml.size() && std::isspace(static_cast<unsigned char>(xml[k]))) ++k;
      if (k >= xml.size() || (xml[k] != '"' && xml[k] != '\'')) {
        return "unquoted attribute in <" + name;
      }
      char quote = xml[k];
      size_t value_end = xml.find(quote, k + 1);
      if (value_end == std::string::npos) return "unclosed attribute value in <" + name;
      if (std::string e = check_text(k + 1, value_end); !e.empty()) return e;
      k = value_end + 1;
    }
    if (closing) {
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
    } else {
      if (open.empty()) {
        if (seen_root) return "a second root element <" + name + ">";
        seen_root = true;
      }
      if (!self_closing) open.push_back(name);
    }
    i = k;
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (!seen_root) return "no root element";
  return "";
}

int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

}  // namespace kg::testing
