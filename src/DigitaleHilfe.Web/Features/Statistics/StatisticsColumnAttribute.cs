using System.Reflection;
using Marten.Schema;

namespace DigitaleHilfe.Web.Features.Statistics;

// A RequestFacts property copied into a column of its own, for PeriodFigures' SQL. Unlike Marten's
// [DuplicateField] it adds no index of its own: the figures read whole periods (a scan by logged_at), and
// every index is one more write for the daemon on each request event (docs/performance.md).
[AttributeUsage(AttributeTargets.Property)]
public sealed class StatisticsColumnAttribute : MartenAttribute
{
    // An index for the few lookups that pick rows by this column (a period, one volunteer's certificate).
    public bool Indexed { get; init; }

    public override void Modify(DocumentMapping mapping, MemberInfo member)
    {
        var field = mapping.DuplicateField(member.Name);
        if (Indexed) mapping.AddIndex(field.ColumnName);
    }
}
