using Npgsql;

namespace DigitaleHilfe.Web.Infrastructure.Persistence;

// Two writes of the same unique value at the same moment (two registrations or invitations of one
// address): PostgreSQL's unique index refuses the second, which Marten may wrap in its own exception.
public static class UniqueViolation
{
    public static bool Is(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
