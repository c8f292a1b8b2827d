using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>
/// <c>depends_on</c> among the active services has no cycle: compose-go refuses such a file ("dependency cycle
/// detected"), and no service on it could ever start. One error per cycle, at the entry that closes it, naming every
/// service on it with the position of its <c>depends_on</c> entry.
/// </summary>
/// <remarks>Depth-first over services in name order, as compose-go searches; iterative, so a chain of thousands cannot exhaust the stack.</remarks>
internal sealed class DependencyCycleRule : IValidationRule
{
    private enum Mark
    {
        Unvisited,
        OnPath,
        Done,
    }

    public void Check(ValidationContext context)
    {
        var services = context.Active.Select(s => s.Definition).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var marks = services.Keys.ToDictionary(n => n, _ => Mark.Unvisited, StringComparer.Ordinal);
        foreach (var start in services.Keys.Order(StringComparer.Ordinal))
        {
            if (marks[start] == Mark.Unvisited)
            {
                Search(start, services, marks, context);
            }
        }
    }

    private static void Search(string start, Dictionary<string, ServiceDefinition> services, Dictionary<string, Mark> marks, ValidationContext context)
    {
        var path = new List<string> { start };
        var next = new Stack<IEnumerator<string>>();
        marks[start] = Mark.OnPath;
        next.Push(Dependencies(services[start], services).GetEnumerator());
        while (next.Count > 0)
        {
            if (!next.Peek().MoveNext())
            {
                next.Pop().Dispose();
                marks[path[^1]] = Mark.Done;
                path.RemoveAt(path.Count - 1);
                continue;
            }

            var dependency = next.Peek().Current;
            switch (marks[dependency])
            {
                case Mark.OnPath:
                    Report(path[path.IndexOf(dependency)..], dependency, services, context);
                    break;
                case Mark.Unvisited:
                    marks[dependency] = Mark.OnPath;
                    path.Add(dependency);
                    next.Push(Dependencies(services[dependency], services).GetEnumerator());
                    break;
            }
        }
    }

    private static IEnumerable<string> Dependencies(ServiceDefinition service, Dictionary<string, ServiceDefinition> services) =>
        service.DependsOn.Select(d => d.Service).Where(services.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static void Report(List<string> cycle, string backTo, Dictionary<string, ServiceDefinition> services, ValidationContext context)
    {
        var links = cycle.Select((name, i) => (Name: name, On: i + 1 < cycle.Count ? cycle[i + 1] : backTo)).ToList();
        var shown = string.Join(" -> ", links.Select(l => $"{l.Name} ({context.Locate(services[l.Name], $"depends_on.{l.On}")})").Append(backTo));
        var last = links[^1];
        context.Diagnostics.Error(
            DiagnosticCodes.DependencyCycle,
            context.Locate(services[last.Name], $"depends_on.{last.On}"),
            $"`depends_on` has a cycle: {shown}; none of these services could ever start (compose-go: dependency cycle detected).",
            $"Remove one of these dependencies, such as `{last.On}` from `{last.Name}`'s `depends_on`.",
            $"services.{last.Name}.depends_on.{last.On}");
    }
}
