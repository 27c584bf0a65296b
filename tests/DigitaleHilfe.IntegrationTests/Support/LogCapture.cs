using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DigitaleHilfe.IntegrationTests.Support;

// Every log line the app writes at its configured levels (the production ones), with its structured
// values and exceptions, so a test can search them for personal data.
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    // ./test.sh names a file here and, for every failed test, prints the errors the app logged while it ran:
    // a 500 seen in CI is otherwise only a status code, as the captured lines die with the test process.
    private static readonly string? ErrorFile = Environment.GetEnvironmentVariable("DH_TEST_ERROR_LOG");
    private static readonly Lock ErrorFileLock = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var line = $"{logLevel} {category}: {formatter(state, exception)} {values} {exception}";
            capture._lines.Enqueue(line);
            if (ErrorFile is null || logLevel < LogLevel.Error) return;
            // One entry per line, each starting with the time as the TRX report writes it (local time with its offset, so
            // on any machine's zone), so test.sh can pick a test's window.
            var stamp = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
            lock (ErrorFileLock) File.AppendAllText(ErrorFile, $"{stamp} {line.ReplaceLineEndings($"\n{stamp}   ")}\n");
        }
    }
}
