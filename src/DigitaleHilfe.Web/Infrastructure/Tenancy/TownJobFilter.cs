using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace DigitaleHilfe.Web.Infrastructure.Tenancy;

// A job runs in the town it was enqueued in: the town id travels as a job parameter (an id, never personal data)
// and is set again around the job's execution. Recurring jobs are enqueued by no town and visit every town themselves.
public sealed class TownJobFilter : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string Parameter = "Town";

    public void OnCreating(CreatingContext context)
    {
        if (TownContext.Id is { } town) context.SetJobParameter(Parameter, town);
    }

    public void OnCreated(CreatedContext context) { }

    public void OnPerforming(PerformingContext context)
    {
        var town = context.GetJobParameter<string>(Parameter, allowStale: true);
        if (!string.IsNullOrEmpty(town)) context.Items[Parameter] = TownContext.Enter(town);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Parameter, out var scope)) ((IDisposable)scope).Dispose();
    }
}
