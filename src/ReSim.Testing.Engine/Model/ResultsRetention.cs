using System.Globalization;

namespace ReSim.Testing.Engine.Model;

/// <summary>How many finished runs' folders are kept under the default results root, <c>&lt;temp&gt;/resim-testing-&lt;user&gt;/</c>.</summary>
/// <remarks>
/// Before a run that uses the default root, the folders of finished runs beyond the newest <see cref="KeepRuns"/>, or older
/// than <see cref="KeepDays"/>, are removed; 0 turns that bound off. A live run's folder is never removed, whichever process
/// or namespace owns it: it holds a lock on its <c>.resim/run.lock</c> for as long as it runs. The environment variables
/// <c>RESIM_KEEP_RUNS</c> and <c>RESIM_KEEP_DAYS</c> win over the values given here. Folders given explicitly
/// (<see cref="ExperienceSettings.ResultsDirectory"/>) are never pruned.
/// </remarks>
/// <param name="KeepRuns">How many of the newest finished runs are kept; 0 for no bound on the count.</param>
/// <param name="KeepDays">How many days a finished run is kept; 0 for no bound on the age.</param>
public sealed record ResultsRetention(int KeepRuns, int KeepDays)
{
    /// <summary>The environment variable that sets <see cref="KeepRuns"/>.</summary>
    public const string KeepRunsVariable = "RESIM_KEEP_RUNS";

    /// <summary>The environment variable that sets <see cref="KeepDays"/>.</summary>
    public const string KeepDaysVariable = "RESIM_KEEP_DAYS";

    /// <summary>The default: the newest 20 finished runs, none older than 7 days.</summary>
    public static ResultsRetention Default { get; } = new(20, 7);

    /// <summary>This retention with the environment's <c>RESIM_KEEP_RUNS</c> and <c>RESIM_KEEP_DAYS</c> applied over it.</summary>
    /// <param name="lookup">Reads an environment variable.</param>
    /// <returns>The retention in force.</returns>
    /// <exception cref="ExperienceInfrastructureException">A variable is set to something other than a whole number from 0 up.</exception>
    public ResultsRetention WithEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return new(Read(lookup, KeepRunsVariable, "runs") ?? KeepRuns, Read(lookup, KeepDaysVariable, "days") ?? KeepDays);
    }

    private static int? Read(Func<string, string?> lookup, string variable, string unit)
    {
        var text = lookup(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ExperienceInfrastructureException($"{variable} is '{text}', which is not a whole number of {unit}. Set it to a number such as 20 (0 turns this bound off), or unset it.");
    }
}
