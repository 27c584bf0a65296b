using System.Net;
using System.Net.Sockets;
using Marten;
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
    public IBrowser Browser { get; private set; } = null!;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("DH_BROWSER_TEST_CONNECTION")
        ?? "Host=127.0.0.1;Port=5432;Database=digitalehilfe_browser;Username=digitalehilfe;Password=digitalehilfe";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Smtp:Port", FreePort().ToString());
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("DemoData:Seed", "false");
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

    public Task ResetAsync() => Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();

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
