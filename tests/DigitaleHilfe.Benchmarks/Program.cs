using BenchmarkDotNet.Running;

namespace DigitaleHilfe.Benchmarks;

// dotnet run -c Release --project tests/DigitaleHilfe.Benchmarks -- scoring          (BenchmarkDotNet)
// dotnet run -c Release --project tests/DigitaleHilfe.Benchmarks -- e2e [volunteers] [runs]
public static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        if (args is ["e2e", ..])
        {
            await SuggestionsEndToEnd.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 50);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmark).Assembly)
            .Run(args is ["scoring", ..] ? ["--filter", "*Scoring*", .. args[1..]] : args);
    }
}
