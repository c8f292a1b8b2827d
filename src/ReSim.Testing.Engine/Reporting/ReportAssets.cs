namespace ReSim.Testing.Engine.Reporting;

/// <summary>The style sheet and the one small script every report embeds: no file or network is loaded.</summary>
internal static class ReportAssets
{
    public const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0 24px 40px;color:#1d2330;background:#fff}
        h1{font-size:20px;margin:18px 0 6px}h2{font-size:16px;margin:26px 0 8px;border-bottom:1px solid #dde}
        .verdict{padding:12px 16px;border-radius:6px;font-size:16px;margin:10px 0}
        .verdict.passed{background:#e3f6e6;border:1px solid #5cb85c}.verdict.failed{background:#fde5e4;border:1px solid #d9534f}
        .verdict.timedout{background:#fff1da;border:1px solid #f0ad4e}.verdict.error{background:#eee;border:1px solid #888}
        .verdict .reason{display:block;font-size:14px;margin-top:4px;white-space:pre-wrap}
        table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:left}
        svg text{font:11px system-ui,sans-serif;fill:#333}.axis line{stroke:#999}
        .timeline .label{font-size:12px;font-weight:600}.bar{fill:#9cc3ea}.bar.failed{fill:#f0a3a0}.bar.open{fill:#c9dcef}
        .m-started{fill:#2a6fb0}.m-healthy{fill:#3a9a3a}.m-unhealthy{fill:#e08a00}.m-exited{fill:#666}.m-exited.failed{fill:#c9302c}
        .m-restarted{fill:#7d4cc2}.m-stopped{fill:#444}.m-created{stroke:#aaa}.m-code{font-size:10px}
        .verdict-line line{stroke:#c9302c;stroke-dasharray:4 3}.verdict-line text{fill:#c9302c}
        .service-charts{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}.service-charts h3{width:100%;margin:10px 0 0;font-size:14px}
        .series{fill:none;stroke:#2a6fb0;stroke-width:1.5}.memory .series{stroke:#3a9a3a}.point{fill:#2a6fb0}.memory .point{fill:#3a9a3a}
        .log summary{cursor:pointer;font-weight:600;margin:8px 0}.log h4{margin:6px 0;font:600 12px monospace;color:#555}
        ol.lines{font:12px/1.35 monospace;margin:0;padding-left:56px;background:#f7f7f9;white-space:pre-wrap;word-break:break-all}
        ol.lines li.err{color:#b0201c;background:#fdeceb}ol.lines li.err::marker{content:"! "}
        .index tr.passed .verdict-cell{color:#2d7d2d;font-weight:600}.index tr.failed .verdict-cell,.index tr.timedout .verdict-cell{color:#b0201c;font-weight:600}
        .hit{background:#fff3a8}.hidden{display:none}.note{color:#666;font-size:12px}#search{width:320px;padding:4px}
        """;

    // Filters the log lines by the search box: pure DOM, runs only on input, never evaluates log text.
    public const string Script = """
        (function(){
          var box=document.getElementById('search'),count=document.getElementById('search-count');
          if(!box){return;}
          box.addEventListener('input',function(){
            var q=box.value.toLowerCase(),lines=document.querySelectorAll('ol.lines li'),shown=0;
            for(var i=0;i<lines.length;i++){
              var hit=q.length===0||lines[i].textContent.toLowerCase().indexOf(q)>=0;
              lines[i].classList.toggle('hidden',!hit);lines[i].classList.toggle('hit',hit&&q.length>0);if(hit){shown++;}
            }
            count.textContent=q.length===0?'':shown+' line(s) match';
          });
        })();
        """;
}
