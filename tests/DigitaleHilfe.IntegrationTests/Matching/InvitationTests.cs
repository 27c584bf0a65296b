using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Matching;

public sealed partial class InvitationTests(AppFixture app) : IntegrationTest(app)
{
    // Five volunteers from perfect fit to poor fit for an online-banking call by phone in Erfenbach.
    private async Task<List<Account>> VolunteersAsync()
    {
        var profiles = new (string[] Topics, string[] Districts)[]
        {
            (["online-banking"], ["erfenbach"]), (["online-banking"], ["siegelbach"]), (["online-banking"], ["dansenberg"]),
            (["tablet"], ["erfenbach"]), (["tablet"], ["dansenberg"]),
        };
        var accounts = new List<Account>();
        foreach (var (topics, districts) in profiles)
        {
            var account = await App.CreateAccountAsync(Role.Volunteer);
            await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
            session.Events.Append(account.Id, new VolunteerProfileUpdated(account.Id, topics, districts, ["de"], ["telefon"], 2, [], null, "Test", AppFixture.Start));
            await session.SaveChangesAsync();
            accounts.Add(account);
        }
        return accounts;
    }

    [Fact]
    public async Task The_invitation_says_in_one_line_what_the_request_is_about_without_the_seniors_data()
    {
        var volunteers = await VolunteersAsync();

        await App.SendAsync(AppFixture.ValidCall() with
        {
            District = "erfenbach", HelpMode = "telefon", Summary = "Banking-App fragt nach einem Code",
        });

        var mail = await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(volunteers[0].Email));
        mail.Subject.ShouldBe("Neue Anfrage: Banking-App fragt nach einem Code (Erfenbach)");
        mail.TextBody!.ShouldContain("Worum es geht: Banking-App fragt nach einem Code");
        mail.TextBody!.ShouldNotContain("Mustermann");
        mail.TextBody!.ShouldNotContain("Fackelstraße");
        await App.SettleRemindersAsync();
    }

    [Fact]
    public async Task Logging_a_request_invites_exactly_the_top_three_with_working_links_and_only_one_wins()
    {
        var volunteers = await VolunteersAsync();

        var logged = await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });

        var mails = new List<MimeKit.MimeMessage>();
        foreach (var v in volunteers.Take(3)) mails.Add(await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(v.Email)));
        // The invitation is recorded once its mails are out (VolunteersInvited names only those reached).
        await App.SettleRemindersAsync();
        App.Smtp.Messages.Count.ShouldBe(3);
        mails.ShouldAllBe(m => !m.TextBody!.Contains("Mustermann") && !m.TextBody.Contains("123456"));
        mails[0].TextBody!.ShouldContain("Online-Banking in Erfenbach");
        await using (var session = App.QuerySession())
            (await session.LoadAsync<HelpRequest>(logged.Id))!.InvitedVolunteers.ShouldBe(volunteers.Take(3).Select(v => v.Id), ignoreOrder: true);

        var first = await ClickAsync(volunteers[0], mails[0]);
        var second = await ClickAsync(volunteers[1], mails[1]);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe($"/Board/{logged.Id}");
        (await second.Content.ReadAsStringAsync()).ShouldContain("Jemand anderes war schneller");
        await using var after = App.QuerySession();
        (await after.Events.FetchStreamAsync(logged.Id)).Count(e => e.Data is RequestClaimed).ShouldBe(1);
    }

    [Fact]
    public async Task An_invitation_link_needs_sign_in_works_once_and_only_for_the_invited_person()
    {
        var volunteers = await VolunteersAsync();
        await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        var mail = await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(volunteers[0].Email));
        var path = LinkIn(mail.TextBody!);

        var anonymous = await App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
        var someoneElse = await (await App.SignedInClientAsync(Role.Volunteer)).GetStringAsync(path);
        var owner = await SignInAsync(volunteers[0]);
        await FormPost.SubmitAsync(owner, path, new Dictionary<string, string>());
        var again = await owner.GetStringAsync(path);

        anonymous.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        someoneElse.ShouldContain("Einladung nicht mehr gültig");
        again.ShouldContain("Einladung nicht mehr gültig");
    }

    [Fact]
    public async Task An_invitation_link_expires_and_a_made_up_or_other_towns_link_grants_nothing()
    {
        var volunteers = await VolunteersAsync();
        var logged = await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        var mail = await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(volunteers[0].Email));
        var owner = await SignInAsync(volunteers[0]);
        var links = App.Services.GetRequiredService<InvitationLinks>();
        var otherTown = links.Issue(new("anderswo", logged.Id, volunteers[0].Id, AppFixture.Start.AddDays(1)));

        var valid = await owner.GetStringAsync(LinkIn(mail.TextBody!));
        var madeUp = await owner.GetStringAsync($"/Invitations/{otherTown[..^4]}abcd");
        var fromOtherTown = await owner.GetStringAsync($"/Invitations/{otherTown}");
        App.Clock.SetUtcNow(AppFixture.Start.AddDays(3).AddMinutes(1));
        var expired = await (await SignInAsync(volunteers[0])).GetStringAsync(LinkIn(mail.TextBody!));   // the old sign-in ran out too

        valid.ShouldContain("Ich übernehme das");
        madeUp.ShouldContain("Einladung nicht mehr gültig");
        fromOtherTown.ShouldContain("Einladung nicht mehr gültig");
        expired.ShouldContain("Einladung nicht mehr gültig");
    }

    [Fact]
    public async Task Invitations_store_no_token_and_a_stored_link_sent_before_still_works_once()
    {
        var volunteers = await VolunteersAsync();
        var logged = await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(volunteers[2].Email));
        await App.SettleRemindersAsync();
        string stored;
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            (await session.Query<AccountToken>().CountAsync(t => t.Purpose == TokenPurpose.ClaimInvitation)).ShouldBe(0);
            stored = AccountTokens.Issue(session, volunteers[4].Id, TokenPurpose.ClaimInvitation, AppFixture.Start, TimeSpan.FromDays(3), logged.Id);
            await session.SaveChangesAsync();
        }
        var holder = await SignInAsync(volunteers[4]);

        await FormPost.SubmitAsync(holder, $"/Invitations/{stored}", new Dictionary<string, string>());
        var again = await holder.GetStringAsync($"/Invitations/{stored}");

        await using var after = App.QuerySession();
        (await after.LoadAsync<HelpRequest>(logged.Id))!.VolunteerId.ShouldBe(volunteers[4].Id);
        again.ShouldContain("Einladung nicht mehr gültig");
    }

    [Fact]
    public async Task Volunteers_who_turned_invitations_off_or_had_theirs_today_are_skipped()
    {
        var volunteers = await VolunteersAsync();
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(volunteers[0].Id, new VolunteerProfileUpdated(volunteers[0].Id, ["online-banking"], ["erfenbach"], ["de"], ["telefon"], 2, [], null, "Test", AppFixture.Start, MaxInvitationsPerDay: 0));
            session.Events.Append(volunteers[1].Id, new VolunteerProfileUpdated(volunteers[1].Id, ["online-banking"], ["siegelbach"], ["de"], ["telefon"], 2, [], null, "Test", AppFixture.Start, MaxInvitationsPerDay: 1));
            await session.SaveChangesAsync();
        }

        await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(volunteers[3].Email));
        App.Smtp.Clear();
        await App.SendAsync(AppFixture.ValidCall("Heinz") with { Phone = "0631 98765", District = "erfenbach", HelpMode = "telefon" });
        // The second round is done once the next best (who had no limit) got their mail.
        await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(volunteers[2].Email));

        App.Smtp.Messages.ShouldNotContain(m => m.To.ToString().Contains(volunteers[0].Email));
        App.Smtp.Messages.ShouldNotContain(m => m.To.ToString().Contains(volunteers[1].Email));
    }

    [Fact]
    public async Task When_more_of_the_best_fits_want_no_invitations_than_a_first_look_holds_the_next_ones_are_invited()
    {
        // Nine perfect fits who turned invitations off: more than the first pass looks at (three wanted, five more).
        for (var i = 0; i < 9; i++)
        {
            var account = await App.CreateAccountAsync(Role.Volunteer);
            await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
            session.Events.Append(account.Id, new VolunteerProfileUpdated(account.Id, ["online-banking"], ["erfenbach"], ["de"], ["telefon"], 2, [], null, "Test", AppFixture.Start, MaxInvitationsPerDay: 0));
            await session.SaveChangesAsync();
        }
        var volunteers = await VolunteersAsync();

        var logged = await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        await App.SettleRemindersAsync();

        await using var after = App.QuerySession();
        (await after.LoadAsync<HelpRequest>(logged.Id))!.InvitedVolunteers.ShouldBe(volunteers.Take(3).Select(v => v.Id), ignoreOrder: true);
        App.Smtp.Messages.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Coordinators_get_ranked_suggestions_with_reasons()
    {
        var volunteers = await VolunteersAsync();
        var logged = await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        var coordinator = await App.ApiClientAsync(Role.Coordinator);

        var suggestions = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/help-requests/{logged.Id}/suggestions");
        var page = await (await App.SignedInClientAsync(Role.Coordinator)).GetStringAsync($"/HelpRequests/{logged.Id}");

        suggestions.EnumerateArray().Select(s => s.GetProperty("volunteerId").GetGuid()).Take(3).ShouldBe(volunteers.Take(3).Select(v => v.Id));
        suggestions[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("kennt sich mit Online-Banking aus");
        page.ShouldContain("Vorschläge");
        page.ShouldContain("kennt sich mit Online-Banking aus");
        (await (await App.ApiClientAsync(Role.Operator)).GetAsync($"/api/v1/help-requests/{logged.Id}/suggestions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_seniors_wish_not_to_get_a_volunteer_again_is_respected_everywhere()
    {
        var volunteers = await VolunteersAsync();
        var logged = await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" });
        var unwanted = volunteers[0];
        await App.SendAsync(new DigitaleHilfe.Web.Features.Callers.UpdateCaller.Command
        {
            CallerId = logged.CallerId, Name = "Erika Mustermann", NotAgain = [unwanted.Id],
        });

        var suggestions = await (await App.ApiClientAsync(Role.Coordinator)).GetFromJsonAsync<JsonElement>($"/api/v1/help-requests/{logged.Id}/suggestions");
        var board = await (await SignInAsync(unwanted)).GetStringAsync("/Board");
        var key = await App.SendAsync(new CreateApiKey.Command(unwanted.Email, "Test"));
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var claim = await api.PostAsync($"/api/v1/help-requests/{logged.Id}/claim", null);

        suggestions.EnumerateArray().Select(s => s.GetProperty("volunteerId").GetGuid()).ShouldNotContain(unwanted.Id);
        board.ShouldNotContain($"/Board/{logged.Id}");
        claim.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await claim.Content.ReadAsStringAsync()).ShouldContain("jemand anderen gewünscht");
    }

    [Fact]
    public async Task In_one_round_of_invitations_a_seniors_wish_not_to_get_a_volunteer_again_holds_beside_a_new_senior()
    {
        var volunteers = await VolunteersAsync();
        var earlier = await App.SendAsync(AppFixture.ValidCall("Berta Beispiel") with { Phone = "0631 111111", District = "erfenbach", HelpMode = "telefon" });
        await App.SettleRemindersAsync();
        await App.SendAsync(new DigitaleHilfe.Web.Features.Callers.UpdateCaller.Command
        {
            CallerId = earlier.CallerId, Name = "Berta Beispiel", NotAgain = [volunteers[0].Id],
        });

        // Both requests come onto the board while the planner stands still, so that one round invites for both.
        var planner = App.Services.GetRequiredService<JasperFx.Events.Daemon.IProjectionCoordinator>();
        await planner.PauseAsync();
        DigitaleHilfe.Web.Features.Intake.LogCall.Result newSenior, knownSenior;
        try
        {
            newSenior = await App.SendAsync(AppFixture.ValidCall("Anna Neu") with { Phone = "0631 222222", District = "erfenbach", HelpMode = "telefon" });
            knownSenior = await App.SendAsync(AppFixture.ValidCall("Berta Beispiel") with { Phone = "0631 111111", District = "erfenbach", HelpMode = "telefon" });
        }
        finally
        {
            await planner.ResumeAsync();
        }
        await App.SettleRemindersAsync();

        await using var session = App.QuerySession();
        knownSenior.CallerId.ShouldBe(earlier.CallerId);
        (await session.LoadAsync<HelpRequest>(newSenior.Id))!.InvitedVolunteers.ShouldContain(volunteers[0].Id);
        var known = (await session.LoadAsync<HelpRequest>(knownSenior.Id))!.InvitedVolunteers;
        known.ShouldNotContain(volunteers[0].Id);
        known.Count.ShouldBe(3);
    }

    private async Task<HttpResponseMessage> ClickAsync(Account volunteer, MimeKit.MimeMessage mail)
    {
        var client = await SignInAsync(volunteer);
        var path = LinkIn(mail.TextBody!);
        (await client.GetStringAsync(path)).ShouldContain("Ich übernehme das");
        return await FormPost.SubmitAsync(client, path, new Dictionary<string, string>());
    }

    private async Task<HttpClient> SignInAsync(Account account)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await FormPost.SubmitAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static string LinkIn(string text) => new Uri(Link().Match(text).Value).PathAndQuery;

    [GeneratedRegex(@"http://digitalehilfe\.test/Invitations/\S+")]
    private static partial Regex Link();
}
