using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DigitaleHilfe.IntegrationTests.Support;

// A real SMTP server on a loopback port, in-process: MailKit talks real SMTP to it and tests read
// what arrived. No mock of the mail server.
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Inbox _inbox;
    private CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    // Mail to an address containing this is refused with 550 (mailbox unavailable), as a real server does.
    public const string RefusedMarker = "unzustellbar";

    public TestSmtpServer()
    {
        _inbox = new Inbox(() => AnswerDelay);
        Port = FreePort();
        Start();
    }

    public int Port { get; private set; }

    private int _sessions;

    // SMTP connections opened so far (one per batch of mails is the app's promise).
    public int Sessions => Volatile.Read(ref _sessions);

    // The server goes down (connections refused) and comes back on the same port.
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
        _stop = new CancellationTokenSource();
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_inbox);
        services.Add(new DelegatingMailboxFilter((SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox _) => !to.User.Contains(RefusedMarker, StringComparison.OrdinalIgnoreCase)));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public IReadOnlyCollection<MimeMessage> Messages => _inbox.Messages.ToArray();

    // A slow server: it keeps each message at once but answers "250" only after this long (as a server
    // that takes the mail and then stalls). Zero: answers at once.
    public TimeSpan AnswerDelay { get; set; }

    public void Clear()
    {
        _inbox.Messages.Clear();
        AnswerDelay = TimeSpan.Zero;
    }

    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            if (_inbox.Messages.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("The expected email did not arrive.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Inbox(Func<TimeSpan> answerDelay) : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            if (answerDelay() is { } delay && delay > TimeSpan.Zero) await Task.Delay(delay, CancellationToken.None);
            return SmtpResponse.Ok;
        }
    }
}
