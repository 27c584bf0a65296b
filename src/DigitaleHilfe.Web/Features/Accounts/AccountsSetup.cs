namespace DigitaleHilfe.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountMailJob>();
        services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.Section)
            .Validate(o => o.ValidYears is > 0 and <= 20 && o.RemindBefore >= TimeSpan.Zero, "Certificates: ValidYears 1-20, RemindBefore not negative.")
            .ValidateOnStart();
        services.ConfigureMarten(options =>
        {
            // An account belongs to one town: the same address may have an account in another town of the network.
            options.Schema.For<Account>().UniqueIndex(Marten.Schema.UniqueIndexType.Computed, "mt_doc_account_uidx_email", Marten.Schema.Indexing.Unique.TenancyScope.PerTenant, a => a.Email);
            options.Schema.For<UserSession>().Index(s => s.AccountId);
            options.Schema.For<AuditEntry>().Index(e => e.At).Index(e => e.AccountId);
            options.Schema.For<ApiKey>().Index(k => k.AccountId);
            options.Schema.For<AccountToken>();
            options.Schema.For<DataProtectionKey>().SingleTenanted();
        });
        return services;
    }
}
