import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './clean-paste';

/** What Word 365 on Windows puts on the clipboard for a heading, a list item and a link. */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/r/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument>
</xml><![endif]--><style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
@page WordSection1 {size:595.3pt 841.9pt;margin:70.85pt 70.85pt 70.85pt 70.85pt;}
-->
</style>
</head>
<body lang=NL style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
<h3>Nieuwe regeling<o:p></o:p></h3>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Eerste punt<o:p></o:p></p>
<p class=MsoNormal><!--[if !supportLists]--><span>2.<span>&nbsp; </span></span><!--[endif]-->Tweede punt</p>
<p class=MsoNormal>Lees meer op <a href="https://vng.nl/regeling">vng.nl</a> in <st1:place w:st="on">Den Haag</st1:place>.<o:p>&nbsp;</o:p></p>
<!--EndFragment-->
</body>
</html>`;

/** A selection copied from a web page, with a script and event handlers in it. */
const WEB = `<meta charset="utf-8"><div class="article" onclick="track('x')">
<p style="color:red" onmouseover='steal()'>Eerste alinea met <b>nadruk</b>.</p>
<script>alert(1)</script>
<img src="x.png"/onerror=alert(2) alt="foto">
<p>Zie <a href="https://example.nl/onderwerp=1" title="a > b" ONCLICK="evil()">de bron</a>.</p>
</div>`;

describe('cleanPastedHtml', () => {
  const word = cleanPastedHtml(WORD);

  it('removes Word conditional comments, their XML and the fallback list markers', () => {
    expect(word).not.toMatch(/\[if|endif|<xml|OfficeDocumentSettings|WordDocument/i);
    expect(word).not.toContain('·');
    expect(word).not.toContain('2.<');
    expect(word).toContain('Eerste punt');
    expect(word).toContain('Tweede punt');
  });

  it('removes the head: meta, link, style and its CSS', () => {
    expect(word).not.toMatch(/<meta|<link|<style|mso-style|@page|Calibri|clip_filelist/i);
  });

  it('removes <o:p> with its filler and other Office tags, keeping their text', () => {
    expect(word).not.toMatch(/<\/?o:p|<\/?st1:/i);
    expect(word).toContain('in Den Haag.</p>');
    expect(word).toContain('<h3>Nieuwe regeling</h3>');
  });

  it('leaves the content markup for the schema to read', () => {
    expect(word).toContain('<a href="https://vng.nl/regeling">vng.nl</a>');
    expect(word).not.toContain('StartFragment');
  });

  const web = cleanPastedHtml(WEB);

  it('removes scripts with their content and the meta tag', () => {
    expect(web).not.toMatch(/<script|alert\(1\)|<meta/i);
  });

  it('removes event handlers, also after a "/" and in upper case', () => {
    expect(web).not.toMatch(/onclick|onmouseover|onerror|track\(|steal\(|evil\(|alert\(2\)/i);
    expect(web).toContain('<img src="x.png" alt="foto">');
  });

  it('removes a handler right after a closing quote', () => {
    expect(cleanPastedHtml(`<a href="https://x.nl"onclick='y()'>x</a>`)).toBe(
      '<a href="https://x.nl">x</a>',
    );
  });

  it('keeps attribute values that only look like a handler or hold a ">"', () => {
    expect(web).toContain('<a href="https://example.nl/onderwerp=1" title="a > b">de bron</a>');
    expect(web).toContain('Eerste alinea met <b>nadruk</b>.');
  });

  it('does not eat text after a self-closed <o:p/> or a <header>', () => {
    expect(cleanPastedHtml('<o:p/>Tekst<o:p></o:p> en <header>Kop</header>')).toBe(
      'Tekst en <header>Kop</header>',
    );
  });

  it('drops an unclosed style or comment to the end, as a browser would', () => {
    expect(cleanPastedHtml('<p>Tekst</p><style>p{color:red}')).toBe('<p>Tekst</p>');
    expect(cleanPastedHtml('<p>Tekst</p><!-- rest')).toBe('<p>Tekst</p>');
  });

  it('leaves ordinary HTML alone', () => {
    const html = '<p>Een <strong>vette</strong> en <em>schuine</em> zin.</p><ul><li>punt</li></ul>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
