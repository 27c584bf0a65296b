using System.Net;
using System.Net.Sockets;
using DigitaleHilfe.Web.Features.Accounts;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests.Support;

// The real app on a Kestrel port and Debian's Chromium driven by Playwright. Own database, so the
// browser suite can run beside the integration suite.
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly int _port = FreePort();
    private IPlaywright? _playwright;

    public string BaseUrl => $"http://127.0.0.1:{_port}";
    // Account emails (approval, invitation) go out from Hangfire jobs to this real SMTP server.
    public DigitaleHilfe.IntegrationTests.Support.TestSmtpServer Smtp { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("DH_BROWSER_TEST_CONNECTION")
        ?? "Host=127.0.0.1;Port=5432;Database=digitalehilfe_browser;Username=digitalehilfe;Password=digitalehilfe";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Hangfire:Server:Enabled", "true");
        builder.UseSetting("Hangfire:QueuePollInterval", "00:00:00.2");
        // No reminders in browser tests (the integration tests cover them): pages only.
        builder.UseSetting("Marten:Daemon", "Disabled");
        builder.UseSetting("DemoData:Seed", "false");
        // The cockpit test checks the figures right after building them: no earlier count may stand in.
        builder.UseSetting("Statistics:ShowPreviousFor", "00:00:00");
        builder.UseSetting("Accounts:AuthRequestsPerMinute", "100000");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(_port);
        StartServer();
        await Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // This machine has no network beyond package registries: keep Chromium from phoning home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
        });
    }

    public async Task ResetAsync()
    {
        await Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
        // The first town is made anew; the app would read it within ten seconds, the next test reads it now.
        await Services.GetRequiredService<DigitaleHilfe.Web.Features.Towns.TownDirectory>().RefreshAsync();
    }

    public const string Password = "Ein langer Satz als Passwort";

    public async Task<string> CreateAccountAsync(Role role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateAccount.Command(email, $"Test {role}", [role], Password));
        result.Refusal.ShouldBeNull();
        if (role == Role.Volunteer)
        {
            // Test volunteers have shown a recent certificate of conduct, so they may visit seniors.
            await using var session = Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
            session.Store(result.Account! with { Certificate = new CertificateRecord(new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 1), "Test", new DateOnly(2031, 1, 15)) });
            await session.SaveChangesAsync();
        }
        return email;
    }

    public async Task<IPage> SignedInPageAsync(Role role, int width = 1280, bool javaScript = true)
    {
        var page = await NewPageAsync(width, javaScript);
        await SignInAsync(page, await CreateAccountAsync(role));
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        // Sign-in redirects twice ("/" then the role's start page); WaitForURLAsync can miss the second
        // and wait for a load that already happened, so watch the address instead.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (page.Url.Contains("/Account/SignIn") && DateTime.UtcNow < until) await Task.Delay(50);
        if (page.Url.Contains("/Account/SignIn"))
        {
            // Say what the page said instead of only "timeout": a refusal, an error page, a rate limit.
            var main = await page.Locator("main").TextContentAsync();
            throw new TimeoutException($"Sign-in did not leave {page.Url}; the page says: {main?.Trim()}");
        }
        // The address changes before the page's document is there; wait for the page itself (its skip link is
        // on every page), not for a "load" event that may belong to the redirect in between and never come.
        await page.Locator("a.skip-link").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            Locale = "de-DE",
        });
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
