using System.Collections;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>The variables interpolation sees: the given ones (or the process environment), then a <c>.env</c> file's for what they lack (R2).</summary>
internal sealed class VariableLookup
{
    private readonly Dictionary<string, string> values;

    public VariableLookup(IEnumerable<KeyValuePair<string, string>> primary, IEnumerable<KeyValuePair<string, string>> fallback)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in primary)
        {
            values[key] = value;
        }

        foreach (var (key, value) in fallback)
        {
            values.TryAdd(key, value);
        }
    }

    public static VariableLookup Empty { get; } = new([], []);

    public bool TryGet(string name, out string value) => values.TryGetValue(name, out value!);

    public static IEnumerable<KeyValuePair<string, string>> ProcessEnvironment()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                yield return new(key, value);
            }
        }
    }
}
