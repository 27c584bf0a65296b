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
    private readonly ConcurrentQueue<(string Id, string Subject, TimeSpan At)> _arrived = new();
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
        services.Add((SmtpServer.Net.IEndpointListenerFactory)new PromptListenerFactory());
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
        _arrived.Enqueue((headers[HeaderId.MessageId] ?? Guid.NewGuid().ToString(), headers[HeaderId.Subject] ?? "", _clock.Elapsed));
        return SmtpResponse.Ok;
    }

    // Mails that arrived after a moment (those whose subject passes the filter), the duplicates among them, and the
    // best rate over any one second.
    public (int Count, int Duplicates, double PeakPerSecond, double AveragePerSecond) Since(TimeSpan from, Func<string, bool>? subject = null)
    {
        var mails = _arrived.Where(m => m.At >= from && (subject is null || subject(m.Subject))).ToList();
        var duplicates = mails.Count - mails.Select(m => m.Id).Distinct().Count();
        var perSecond = mails.GroupBy(m => (int)m.At.TotalSeconds).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var span = mails.Count < 2 ? 0 : (mails[^1].At - mails[0].At).TotalSeconds;
        return (mails.Count, duplicates, perSecond, span > 0 ? mails.Count / span : mails.Count);
    }

    // The duplicates among the mails since a moment, split in two: those a killed node handed to the server shortly
    // before it died and did not live to record (the first copy within `window` before the kill, the second after it,
    // one resend each; the app sends them again by design, with the same Message-Id), and every other duplicate.
    public (int ResentAfterKill, int Twice) DuplicatesAround(TimeSpan from, TimeSpan killedAt, TimeSpan window, Func<string, bool>? subject = null)
    {
        var (resent, twice) = (0, 0);
        foreach (var copies in _arrived.Where(m => m.At >= from && (subject is null || subject(m.Subject))).GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            var at = copies.Select(m => m.At).Order().ToList();
            if (at.Count == 2 && at[0] <= killedAt && at[0] >= killedAt - window && at[1] > killedAt) resent++;
            else twice += at.Count - 1;
        }
        return (resent, twice);
    }

    // Replies go out at once (no Nagle). SmtpServer flushes each reply of a pipelined MAIL FROM/RCPT TO on its own;
    // with Nagle the second one waited for the client's delayed acknowledgement, 40 ms on every mail, which
    // a real mail server does not do (Postfix sends the replies to pipelined commands together).
    private sealed class PromptListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var listener = new TcpListener(endpoint.Endpoint);
            listener.Start();
            return new PromptListener(listener);
        }
    }

    private sealed class PromptListener(TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties.Add(SmtpServer.Net.EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint);
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        public System.IO.Pipelines.PipeReader Input { get; } = System.IO.Pipelines.PipeReader.Create(client.GetStream());
        public System.IO.Pipelines.PipeWriter Output { get; } = System.IO.Pipelines.PipeWriter.Create(client.GetStream());
        public bool IsSecure => false;
        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
            System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Dispose() => client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
    }
}
