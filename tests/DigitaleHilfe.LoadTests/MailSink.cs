using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DigitaleHilfe.LoadTests;

// The local SMTP server the app under load sends to: it keeps each mail's Message-Id and arrival time, so the
// run can tell how many arrived, how fast, and whether any arrived twice.
public sealed class MailSink : MessageStore, IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Id, TimeSpan At)> _arrived = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _sessions;

    public MailSink()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        var server = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build(), services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public int Sessions => Volatile.Read(ref _sessions);
    public int Count => _arrived.Count;
    public TimeSpan Now => _clock.Elapsed;

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var headers = await HeaderList.LoadAsync(stream, ct);
        _arrived.Enqueue((headers[HeaderId.MessageId] ?? Guid.NewGuid().ToString(), _clock.Elapsed));
        return SmtpResponse.Ok;
    }

    // Mails that arrived after a moment, the duplicates among them, and the best rate over any one second.
    public (int Count, int Duplicates, double PeakPerSecond, double AveragePerSecond) Since(TimeSpan from)
    {
        var mails = _arrived.Where(m => m.At >= from).ToList();
        var duplicates = mails.Count - mails.Select(m => m.Id).Distinct().Count();
        var perSecond = mails.GroupBy(m => (int)m.At.TotalSeconds).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var span = mails.Count < 2 ? 0 : (mails[^1].At - mails[0].At).TotalSeconds;
        return (mails.Count, duplicates, perSecond, span > 0 ? mails.Count / span : mails.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
    }
}
