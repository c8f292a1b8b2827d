using System.Collections;

namespace ReSim.Testing.Compose.Loading.Interpolation;

/// <summary>The variables interpolation sees: the given ones (or the process environment), then a <c>.env</c> file's for what they lack (R2).</summary>
/// <remarks>Further layers (a service's <c>environment</c>, the keys an env file set so far) are looked at after these, live.</remarks>
internal sealed class VariableLookup
{
    private readonly IReadOnlyDictionary<string, string>[] layers;

    public VariableLookup(IEnumerable<KeyValuePair<string, string>> primary, IEnumerable<KeyValuePair<string, string>> fallback)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in primary)
        {
            values[key] = value;
        }

        foreach (var (key, value) in fallback)
        {
            values.TryAdd(key, value);
        }

        layers = [values];
    }

    private VariableLookup(IReadOnlyDictionary<string, string>[] layers) => this.layers = layers;

    public static VariableLookup Empty { get; } = new([], []);

    /// <summary>A lookup that tries these variables first, then <paramref name="layer"/> as it is at the time of each lookup.</summary>
    public VariableLookup Then(IReadOnlyDictionary<string, string> layer) => new([.. layers, layer]);

    public bool TryGet(string name, out string value)
    {
        foreach (var layer in layers)
        {
            if (layer.TryGetValue(name, out value!))
            {
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

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
