using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Infrastructure.Auth;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Operations;

// The Data Protection key ring at rest: on a database of its own, because a key the suite's app could not decrypt
// would break its cookies.
public sealed class KeyRingTests(AppFixture app) : IntegrationTest(app)
{
    private const string Database = "digitalehilfe_backup";
    private readonly TestClock _clock = new(AppFixture.Start);
    private readonly TestSmtpServer _smtp = new();

    public override async Task DisposeAsync() => await _smtp.DisposeAsync();

    private WebApplicationFactory<Program> Node(params (string Key, string Value)[] settings) =>
        OwnDatabase.Instance(App, Database, _clock, _smtp, runsReminders: false, settings);

    private static (string, string)[] Certificate(string path, string prefix = KeyRingProtection.Section) =>
        [($"{prefix}:Path", path), ($"{prefix}:Password", TestCertificate.Password)];

    private async Task FreshKeyRingAsync()
    {
        var store = Node().Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.ResetAllData();
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_certificate_and_a_second_node_reads_what_the_first_protected()
    {
        await FreshKeyRingAsync();
        var certificate = TestCertificate.CreatePfx("node-key-ring");
        var first = Node(Certificate(certificate));
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("Anmeldung");

        await using (var session = first.Services.GetRequiredService<IDocumentStore>().QuerySession(Towns.First))
        {
            var stored = (await session.Query<DataProtectionKey>().ToListAsync()).ShouldHaveSingleItem();
            stored.Xml.ShouldContain("EncryptedData");
            stored.Xml.ShouldNotContain("<masterKey");
        }
        var second = Node(Certificate(certificate));
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret).ShouldBe("Anmeldung");
    }

    [Fact]
    public async Task After_a_rotation_keys_encrypted_with_the_previous_certificate_still_open()
    {
        await FreshKeyRingAsync();
        var (old, @new) = (TestCertificate.CreatePfx("old-key-ring"), TestCertificate.CreatePfx("new-key-ring"));
        var before = Node(Certificate(old)).Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("vor dem Wechsel");

        var rotated = Node([.. Certificate(@new), .. Certificate(old, $"{KeyRingProtection.Previous}:0")]);
        var protector = rotated.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        protector.Unprotect(before).ShouldBe("vor dem Wechsel");
        // New keys are encrypted with the new certificate only.
        var created = rotated.Services.GetRequiredService<IKeyManager>().CreateNewKey(_clock.GetUtcNow(), _clock.GetUtcNow().AddDays(90));
        var newOnly = Node(Certificate(@new)).Services.GetRequiredService<IKeyManager>();
        newOnly.GetAllKeys().Single(k => k.KeyId == created.KeyId).Descriptor.ShouldNotBeNull();
    }

    [Fact]
    public void Production_refuses_to_start_without_a_key_ring_certificate()
    {
        var production = App.Track(App.Variant().WithWebHostBuilder(b => b.UseEnvironment("Production")));

        var failure = Should.Throw<Exception>(() => production.Services);
        (failure.InnerException ?? failure).Message.ShouldContain("DataProtection:Certificate:Path");
    }
}
