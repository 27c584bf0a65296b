namespace DigitaleHilfe.Web.Infrastructure.Tenancy;

// Every session the app's services get is opened for the current town. With one town installed, work that does not
// name a town (a single-town install, a job enqueued before the towns existed) uses that town; with several, it
// fails loudly. Code that opens sessions of its own (retries, background rounds) takes this factory, not the store.
public sealed class TownSessionFactory(IDocumentStore store, ITownDirectory towns) : ISessionFactory
{
    public string Town => TownContext.Id ?? towns.OnlyTown ?? throw new TownNotKnownException();

    public IDocumentStore Store => store;

    public IQuerySession QuerySession() => store.QuerySession(Town);

    public IDocumentSession OpenSession() => store.LightweightSession(Town);

    public IDocumentSession IdentitySession() =>
        store.IdentitySession(new Marten.Services.SessionOptions { TenantId = Town, Tracking = DocumentTracking.IdentityOnly });
}
