#!/usr/bin/env python3
"""Regenerate the sample documents under Input/ (the oracle is docs/samples.md).

    python3 Scripts/make-samples.py            # write Input/** (exactly the committed bytes)
    python3 Scripts/make-samples.py --check    # exit 1 if a committed sample differs from what this writes
    python3 Scripts/make-samples.py --oracle   # print, per sample, every planted damage and fact with line:column

The documents are written below in UTF-8 with markers that plant damage, so every damaged
string is produced from the correct one and its position is known exactly:

    {{mj|X}}     X's UTF-8 bytes read as Windows-1252 (undefined bytes 81 8D 8F 90 9D become C1 controls)
    {{mj2|X}}    the same, twice (two layers)
    {{lone|X}}   "Â" + X  (the seed's `Â’`: cp1252 -> Latin-1 -> UTF-8 -> cp1252)
    {{c1|X}}     X's Windows-1252 byte read as Latin-1, i.e. a C1 control (U+0080..U+009F)
    {{a0|X}}     {{mj|X}} whose A0 byte was lost (became a plain space): `à` -> `Ã `
    {{nbsp}}     U+00A0 where an ordinary space belongs (damage; repair: U+0020)
    {{nbspok}}   U+00A0 used correctly (`10 km`, `§ 5`); must be kept
    {{trail|S}}  trailing whitespace S at the end of a line (repair: remove)
    {{keep|X}}   correct text X that must come out unchanged
    {{fix|KIND|DAMAGED|REPAIR}}  literal damage with its repair (tags, entities, ...)
    {{fact|ID|X}}  X is emitted unchanged; its position is recorded under ID for the oracle

Lines are counted in the raw file (1-based); columns count Unicode scalars of the decoded line
(1-based, a BOM is not counted), as in docpipe's `line`/`column` fields.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

MARK = re.compile(r"\{\{(.*?)\}\}", re.S)


def mj(s):
    out = []
    for b in s.encode("utf-8"):
        if 0x80 <= b <= 0x9F:
            try:
                out.append(bytes([b]).decode("cp1252"))
            except UnicodeDecodeError:
                out.append(chr(b))  # undefined in cp1252: keep as C1 control (sloppy-windows-1252)
        else:
            out.append(chr(b))
    return "".join(out)


def c1(s):
    return s.encode("cp1252").decode("latin-1")


def expand(src):
    """Returns (text, records); records are (kind, line, col, damaged, repair)."""
    out = []
    records = []
    pos = 0
    text_so_far = ""
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        parts = m.group(1).split("|")
        tag = parts[0]
        if tag == "mj":
            damaged, repair, kind = mj(parts[1]), parts[1], "mojibake (UTF-8 read as cp1252)"
        elif tag == "mj2":
            damaged, repair, kind = mj(mj(parts[1])), parts[1], "mojibake, two layers"
        elif tag == "lone":
            damaged, repair, kind = "Â" + parts[1], parts[1], "mojibake, lone Â"
        elif tag == "c1":
            damaged, repair, kind = c1(parts[1]), parts[1], "C1 control (cp1252 read as Latin-1)"
        elif tag == "a0":
            damaged, repair, kind = mj(parts[1]).replace("\u00a0", " "), parts[1], "mojibake, lost A0 byte"
        elif tag == "nbsp":
            damaged, repair, kind = "\u00a0", " ", "whitespace: NBSP as damage"
        elif tag == "nbspok":
            damaged, repair, kind = "\u00a0", "\u00a0", "KEEP: NBSP used correctly"
        elif tag == "trail":
            damaged, repair, kind = parts[1], "", "whitespace: trailing"
        elif tag == "keep":
            damaged, repair, kind = parts[1], parts[1], "KEEP"
        elif tag == "fix":
            kind, damaged, repair = parts[1], parts[2], parts[3]
        elif tag == "fact":
            damaged, repair, kind = parts[2], parts[1], "FACT"
        else:
            raise SystemExit("unknown marker " + tag)
        prefix = "".join(out)
        line = prefix.count("\n") + 1
        col = len(prefix) - (prefix.rfind("\n") + 1) + 1
        records.append((kind, line, col, damaged, repair))
        out.append(damaged)
        pos = m.end()
    out.append(src[pos:])
    return "".join(out), records


def encode(text, encoding, newline):
    if newline == "crlf":
        text = text.replace("\n", "\r\n")
    if encoding == "utf-8":
        # U+E0FF stands for a raw byte 0xFF: bytes that are not UTF-8 at all (a truncated download).
        return text.encode("utf-8").replace("\uE0FF".encode("utf-8"), b"\xff")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "cp1252":
        return text.encode("cp1252")
    if encoding == "utf-16le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    raise ValueError(encoding)


SAMPLES = []


def sample(path, encoding="utf-8", newline="lf"):
    def register(fn):
        SAMPLES.append((path, encoding, newline, fn.__doc__.lstrip("\n")))
        return fn
    return register

# ---------------------------------------------------------------------------------------------

@sample("Input/agencies/soil-conservation-organization.txt")
def soil():
    """
International Organization for Soil Conservation

International Organization for Soil Conservation (IOSC)


The International Organization for Soil Conservation is an intergovernmental agency that helps governments protect farmland, pasture and forest soils from erosion, salinisation and sealing. Founded by {{fact|founding-count|7 states}} in {{fact|founding-year|1962}} at a conference in Rome, the IOSC today counts {{fact|members-A|58 member states}} and a further 4 observer states, and it runs field programmes in {{fact|hedge-A|more than 40 countries}}.

The Organization{{mj|’}}s secretariat is based in Geneva, with regional bureaux in Nairobi, Bangkok and {{keep|Panamá}} City. Its annual budget reached {{fact|money|$2.3 billion}} in 2019, of which {{fact|pct-A|45 per cent}} came from voluntary contributions.

History

The idea of a permanent soil body was first discussed in the {{fact|date-century|late 19th century}}, when agronomists in France and Russia began to compare erosion records. It took until {{fact|date-mid|the mid-1970s}}, however, for the IOSC to acquire a technical secretariat of its own {{mj|–}} a small office of 12 staff in Geneva.

During {{fact|date-decade|the 1990s}} the Organization{{mj|’}}s work shifted from surveying to prevention. {{fact|date-range|From 1995 to 2001}} it coordinated the Global Erosion Inventory (GEI), which mapped degraded land in {{fact|hedge-B|over 80 countries}}. A follow-up survey came {{fact|date-duration|over a decade}} later, in {{fact|date-slash|2008/2009}}, under the name Soil Watch.

In {{fact|date-month|March 1998}} the General Conference adopted the Charter on Sustainable Soil Use. The Charter was opened for signature in Lisbon on {{fact|date-signed-A|12 June 2004}} and entered into force in {{fact|date-early|early 2010}}, after the thirtieth ratification; the depositary records the Lisbon signature as {{fact|date-signed-B|2004-06-12}}.

The IOSC publishes the World Soil Outlook every two years.

Mandate

Under {{fact|law-article|Article 4(3)}} of its Constitution, the IOSC shall {{mj|“}}provide technical assistance to any Member State on request{{mj|”}}. It may also act on behalf of groups of states in the {{a0|à}} la carte programme known as the Réseau d{{mj|’}}appui {{a0|à}} la conservation des sols (RACS), which remains popular in West Africa.

The Organization pursues the following three priorities:

Monitoring soil health
Preventing erosion and desertification
Restoring degraded land
Training national soil services

The IOSC publishes the World Soil Outlook every two years.

Governance

The General Conference meets {{fact|date-set-A|every two years}} and adopts the programme and budget. The Executive Board, elected by the Conference, holds an {{fact|date-set-B|annual}} session in Geneva. The Director-General is appointed for a term of four years and may be reappointed once.

{{fix|markup|<h3<|(level-3 heading)}}Relations with the United Nations

The IOSC has observer status at the United Nations General Assembly under resolution {{fact|law-un|A/RES/61/16}}. Council {{fact|law-res|resolution 2758}} of the Organization authorised the Director-General to sign a cooperation agreement with UNEP, and staff of both bodies now share offices in Nairobi.

Membership

Founded by 7 states in 1962, the Organization had 31 members at the end of the 1970s and reached 58 in 2015. Today {{fact|members-B|61 member states}} contribute to the regular budget, {{fact|pct-B|12%}} of which is paid by the three largest contributors.

Observer States

Regional Bureaux

The Nairobi bureau serves 19 countries in East and Southern Africa, the Bangkok bureau 14 countries in Asia and the Pacific, and the Panamá City bureau 12 countries in Latin America and the Caribbean, bringing the total number of countries served by the bureaux to {{fact|total-right|45}}.

Staff in the bureaux{{lone|’}} field offices work in {{keep|São Tomé}} and Príncipe, C{{mj|ô}}te d{{mj|’}}Ivoire and Guinea-Bissau under the same contracts as headquarters staff.

Funding

Assessed contributions are calculated on a scale adopted every two years. The Soil Restoration Facility (SRF), created in 2012 with {{fact|money-eur|€40 million}} from six donors, finances small grants of up to {{fact|money-gbp|£12,500}} for farmers{{mj|’}} associations. The SRF was evaluated in 2020 and found to be {{mj|“}}cost-effective{{mj|”}}.

See Also

  • Food and Agriculture Organization
  • Desertification
  • Land Degradation Neutrality
"""

@sample("Input/banks/andean-caribbean-development-bank.txt")
def bank():
    """
Andean{{keep|–}}Caribbean Development Bank

Andean{{mj2|–}}Caribbean Development Bank (ACDB)


The Andean–Caribbean Development Bank is a multilateral development bank that finances infrastructure, trade and social programmes in the Andean countries and the Caribbean. It was established in {{fact|founding-year-A|1968}} by the Agreement of Cartagena and has its headquarters in {{keep|Bogotá}}, with country offices in Lima, Quito, Port of Spain and Willemstad, {{keep|Curaçao}}.

The Bank{{mj2|’}}s authorised capital stands at {{fact|money-capital|$12.5 billion}}, of which {{fact|money-paid|$2.3 billion}} is paid in. Its bonds have carried an AAA rating since 2011, and it lends in US dollars, euros and local currencies.

History

The Bank opened for business in {{fact|date-month|September 1970}}, two years after its founding, with a staff of 40 and a first loan of {{fact|money-first|US$3 million}} for a road between Cuzco and Puno. During {{fact|date-decade|the 1980s}} debt crisis it stopped new lending for almost three years.

In the late 1990s the Bank opened its membership to Caribbean states, and {{fact|date-range|from 1998 to 2004}} eight island states joined. A capital increase agreed in {{fact|date-early|early 2010}} doubled the Bank{{c1|’}}s lending capacity {{c1|–}} the largest increase in its history {{c1|–}} and created the Special Operations Fund (SOF) for concessional loans.

Shareholders

Its {{fact|total-wrong-stated|26 shareholders}} comprise {{fact|total-wrong-parts|14 borrowing members, 8 non-borrowing regional members and 3 non-regional members}}, including Spain and Portugal. Voting power is proportional to paid-in capital, with a basic vote of 135 votes for each member.

The Board of Governors meets {{fact|date-set|annually}}; its 2019 meeting in Medell{{mj|í}}n was the first held outside a capital city.

<h2>Lending Operations

In 2022 the Bank approved {{fact|hedge-A|over 100 operations}} worth {{fact|money-2022|$4.1 billion}}; the {{c1|“}}Annual Report 2022{{c1|”}} gives the figure as {{fact|hedge-B|more than 120 operations}} once technical-cooperation grants are included. About {{fact|pct-A|38 per cent}} of approvals went to transport and energy and {{fact|pct-B|21%}} to water and sanitation.

The Bank{{mj|’}}s priorities for the period 2021{{mj|–}}2025 are the following four:

Regional integration and trade
Climate resilience and clean energy
Water, sanitation and urban services
Small and medium-sized enterprises.

The Sovereign Oversight Framework (SOF) governs lending to members in arrears, and loans from the SOF are approved by the Board of Directors on a case-by-case basis.

Governance

The President is elected by the Board of Governors for a five-year term. Ana Lucía Cárdenas, a former finance minister of Perú, was elected on {{fact|date-full|14 May 2021}} and is the first woman to hold the post.

{{fix|markup|</div|(stray tag line: remove)}}

The Board of Directors has 12 members and sits permanently in {{keep|Bogotá}}. Decisions on procurement follow the CARICOM rules for island members and the Bank{{mj|’}}s own rules elsewhere.

Evaluation

The Office of Evaluation and Oversight reports directly to the Board. Its 2018 review found that 71 per cent of completed projects were rated satisfactory, up from 64 per cent in 2012{{nbsp}}and well above the target.

Criticism

Non-governmental organisations criticised the Bank in {{fact|date-slash|2015/2016}} for financing a hydropower dam on the upper Marañón. The Bank responded that the project met all of its environmental safeguards.

See Also

  • Multilateral Development Bank
  • Latin American Integration
  • Caribbean Community
"""

@sample("Input/legacy/fisheries-commission-cp1252.txt", encoding="cp1252")
def fisheries():
    """
North-East Atlantic Pelagic Fisheries Commission

North-East Atlantic Pelagic Fisheries Commission (NEAPFC)


The North-East Atlantic Pelagic Fisheries Commission is a regional fisheries management organisation responsible for herring, mackerel, blue whiting and horse mackerel in the waters between Greenland, the Faroe Islands and the Bay of Biscay. It was founded by {{fact|founding-count|5 coastal states}} in {{fact|founding-year|1959}} and today has {{fact|members-now|14 contracting parties}}, including the European Union, which took over the seats of its member states in 1986.

The Commission{{keep|’}}s secretariat is in London; its scientific advice comes from the “Working Group on Pelagic Stocks”, which meets {{fact|date-set|every spring}} in Copenhagen.

History

The first {{keep|“}}Convention on Pelagic Fisheries{{keep|”}} was signed in London on {{fact|date-signed-A|18 November 1980}} and replaced the 1959 arrangement. It entered into force in {{fact|date-inforce|March 1982}}. A protocol of 2006 extended the Commission{{keep|’}}s powers to vessels flying the flag of non-members.

By {{fact|date-mid|the mid-1970s}} the herring stock had collapsed to less than 10 per cent of its 1950s level, and a moratorium was in force {{fact|date-range|from 1977 to 1981}}. Recovery took {{fact|date-duration|more than a decade}}.

Since the 1980 Convention was signed in {{fact|date-signed-B|1981}}, the Commission has adopted {{fact|hedge|over 300 conservation measures}}.

Regulatory Areas

The Convention Area is divided into the following four regulatory areas:

Area I – Norwegian Sea
Area II – Irminger Sea
Area III – Rockall Bank
Area IV – Bay of Biscay and Iberian waters

Conservation Measures

Measures adopted by the Commission enter into force 60 days after notification unless a contracting party objects. Total allowable catches are set {{fact|date-set-B|annually}} on the basis of advice from the International Council for the Exploration of the Sea (ICES). Mesh sizes below 32 mm are prohibited north of 62° N.

In 2023 the Commission reduced the mackerel quota by {{fact|pct|18 per cent}} and closed two spawning areas west of Rockall between 1 March and 31 May.

Compliance

Inspectors from contracting parties may board any vessel in the Convention Area. In 2022 the Compliance Committee reported 41 infringements, of which 29 concerned mis-reporting of catches, 8 unauthorised gear and 4 fishing in closed areas, making {{fact|total-right|41}} in all.

Fines are set nationally; the highest recorded was {{fact|money-gbp|£12,500}} imposed on a trawler in 2019, and the Commission{{keep|’}}s own budget of {{fact|money-eur|€2.1 million}} is shared by the contracting parties according to their catches.

Contracting Parties

The contracting parties are Denmark (in respect of the Faroe Islands and Greenland), the European Union, Iceland, Norway, the Russian Federation and the United Kingdom, together with the eight states that acceded under the 2006 protocol{{keep|…}}

Chairs

The current Chair is {{keep|Ólöf Guðmundsdóttir}} of Iceland; her predecessor was {{keep|René Lefèvre}} of France, representing the European Union.

See Also

{{keep|  • }}Regional Fisheries Management Organisation
  • International Council for the Exploration of the Sea
  • Straddling Fish Stocks
"""

@sample("Input/web/measurement-standards-federation.html")
def standards():
    """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>International Federation for Measurement Standards {{fix|entity|&#x2014;|—}} Encyclopedia of Organizations</title>
<style>
body { font-family: Georgia, serif; }
.infobox td { padding: 2px; } /* STYLE-CONTENT-MUST-NOT-APPEAR */
</style>
<script>
var trackingId = "SCRIPT-CONTENT-MUST-NOT-APPEAR";
if (a < b && b > c) { document.write("<p>SCRIPT-CONTENT-MUST-NOT-APPEAR</p>"); }
</script>
</head>
<body>
<!-- COMMENT-CONTENT-MUST-NOT-APPEAR: <h2>Hidden heading</h2> -->
<h1>International Federation for Measurement Standards</h1>
<p>The <b>International Federation for Measurement Standards</b> (IFMS) is a non-treaty standards organisation that coordinates national metrology institutes and accreditation bodies. Its secretariat is in {{fix|entity|Z&uuml;rich|Zürich}} and it was founded on {{fact|founding-date|4 October 1955}} by {{fact|founding-count|nine national laboratories}}.</p>
<p>Today the Federation has {{fact|members-A|64 national members}} and 31 affiliate members. Its working languages are English, French {{fix|entity|&amp;|&}} German.
<p>The IFMS{{fix|entity|&#8217;|’}}s best-known product is the <i>Guide to Traceable Calibration</i>, first published in {{fact|date-year|1972}} and revised {{fact|date-set|every five years}}.</p>

<h2>History</h2>
<p>The Federation grew out of a 1953 meeting at the {{fix|entity|&Eacute;|É}}cole nationale de m{{fix|entity|&eacute;|é}}trologie in Paris. Its first President was the Swedish physicist Karin {{fix|entity|&Aring;ngstr&ouml;m|Ångström}}, a great-niece of Anders Jonas {{keep|Ångström}}.</p>
<p><b>Membership grew <i>rapidly</b> during the 1960s</i>, and by {{fact|date-decade|the late 1960s}} the Federation had {{fact|members-past|40 members}}.</p>
<p>In {{fact|date-month|June 1999}} the General Assembly approved the Mutual Recognition Arrangement (MRA), signed by {{fact|hedge|more than 50 institutes}}. A second instrument, prepared by the {{fix|entity|&EACUTE;|É}}COLE working group (an uppercase entity name that HTML5 does not define), followed in 2003.</p>

<h2>Technical Committees</h2>
<p>The Federation works through the following five technical committees:</p>
<ul>
<li>Mass and related quantities
<li>Length, including the realisation of the metre
<li>Temperature, from {{fix|entity|&minus;|−}}270&nbsp;{{fix|entity|&deg;|°}}C to 3000&nbsp;°C
<li>Electricity and magnetism</li>
<li>Time and frequency</li>
</ul>

<h3>Uncertainty</h3>
<p>Reference thermometers are calibrated to {{fix|entity|&plusmn;|±}}0.002&nbsp;K; the Federation{{fix|entity|&rsquo;|’}}s mass comparator in Z&uuml;rich resolves 0.1&nbsp;{{fix|entity|&micro;|µ}}g.</p>

<h2>Membership</h2>
<p>Members pay an annual fee of {{fact|money-chf|CHF 18,000}} or {{fact|money-eur|&euro;16,500}}, whichever is lower. In 2011 the Federation counted {{fact|members-B|58 national members}}, of which 12 had joined since 2000.</p>
<h3>Full members</h3>
<h3>Affiliates</h3>
<p>Affiliate membership is open to regional bodies such as the Asia Pacific Metrology Programme and to laboratories in countries without a national institute.</p>

<h2>Publications</h2>
<ul>
<li><i>Guide to Traceable Calibration</i> (1972; 6th ed. 2022)
<li><i>Metrologia Letters</i>, quarterly
<li><i>Vocabulary of Measurement</i> {{fix|entity|&copy;|©}} IFMS 2019</li>
</ul>
<p>See also: <a href="/wiki/Metrology">Metrology</a>, <a href="/wiki/SI">International System of Units</a>.
</body>
</html>
"""

@sample("Input/legacy/humanitarian-network-utf16.txt", encoding="utf-16le-bom")
def humanitarian():
    """
Mediterranean Humanitarian Relief Network

Mediterranean Humanitarian Relief Network (MHRN)


The Mediterranean Humanitarian Relief Network is a federation of national relief societies and non-governmental organisations that respond to earthquakes, floods, wildfires and the arrival of migrants by sea around the Mediterranean basin. It was founded in {{fact|founding-year|1993}} by {{fact|founding-count|12 societies}} meeting in Valletta and today counts {{fact|members-now|126 member societies}} in 21 countries.

The Network{{keep|’}}s secretariat is in Athens; its Secretary-General since {{fact|date-month|January 2019}} has been {{keep|Κωνσταντίνα Παπαδοπούλου}}, formerly head of operations of the Hellenic relief society. Her deputy, {{keep|Олена Коваленко}}, coordinates the Black Sea liaison office in Odesa.

History

The Network was set up after the floods of 1992 showed how poorly national societies shared information. In {{fact|date-decade|the 2000s}} it grew quickly: by 2005 it had {{fact|hedge-A|over 100 member societies}}, and by 2015 {{fact|hedge-B|more than 120}}.

The Network{{mj|’}}s first large operation followed the {{fact|date-full|17 August 1999}} earthquake in {{keep|Gölcük}}, when 40 teams were deployed within 72 hours {{mj|–}} the fastest deployment in its history.

Principles

Members commit to the following four principles:

Humanity
Impartiality
Neutrality
Independence

Emergency Appeals

In 2023 the Network launched 9 emergency appeals and raised {{fact|money-eur|€58 million}}, or {{fact|pct|87 per cent}} of the amount requested. Appeals for the wildfires in Évia and Rhodes, the floods in Derna and the earthquake in Kahramanmaraş accounted for {{fact|pct-B|70%}} of the total.

The Disaster Response Emergency Fund (DREF) releases up to €500,000 within 24 hours; DREF allocations are reported to donors {{fact|date-set|every quarter}}.

Members

The 126 member societies comprise {{fact|total-right|71 national relief societies, 48 non-governmental organisations and 7 municipal civil-protection services}}.

Volunteers

The Network estimates that {{fact|hedge-C|some 240,000 volunteers}} took part in its operations in 2023, {{fact|pct-C|31%}} of them under 25.

Volunteers are insured by the Network{{keep|’}}s own scheme for up to {{fact|money-gbp|£12,500}} per person in the United Kingdom and {{keep|Gibraltar}}.

See Also

  • Humanitarian Aid
  • Civil Protection
  • Search and Rescue
"""

@sample("Input/agencies/river-basin-commission-crlf.txt", newline="crlf")
def river():
    """
Ruvuma River Basin Commission{{trail|  }}

Ruvuma River Basin Commission (RRBC)


The Ruvuma River Basin Commission is a joint body of Tanzania and Mozambique that manages the water resources of the Ruvuma, which forms most of their common border. It was established by treaty in {{fact|founding-year|2006}} and has its seat in Mtwara.{{trail| }}

The basin covers about {{fact|area|155,000}}{{nbspok}}km², of which roughly {{fact|pct-A|35 per cent}} lies in Tanzania, and the river flows for some 800{{nbspok}}km from the Matagoro Hills to the Indian Ocean.

{{fix|markup|<p<|(paragraph start: remove)}}The Commission{{nbsp}}holds a meeting of its Council of Ministers {{fact|date-set|every two years}} and an annual technical session.

Legal Framework

Under {{keep|§}}{{nbspok}}5 of the treaty, each party must notify the other of any planned abstraction greater than 10{{nbspok}}m³/s. {{fact|law-article|Article 7(2)}} requires the parties to exchange hydrological data {{fact|date-set-B|monthly}}.

The treaty was signed in Maputo on {{fact|date-signed|16 September 2006}} and ratified by both parties in {{fact|date-ratified|2007/2008}}.{{trail|\t}}

Hydrology

The mean annual flow at the river mouth is 475{{nbspok}}m³/s, with peaks above 3,000{{nbspok}}m³/s in {{fact|date-season|March and April}}. Gauging stations were installed {{fact|date-range|from 2009 to 2012}} with support from the African Development Bank.

During {{fact|date-decade|the 1970s}} there was almost no monitoring; the oldest continuous record, at Mitomoni, goes back to {{fact|date-year|1954}}.

Flood Warning

Flood Warning

The Commission{{nbsp}}operates a flood-warning system that sends alerts by text message to 140 villages. It was tested in {{fact|date-early|early 2014}} and has been in service for {{fact|date-duration|over a decade}}.

Funding

The parties contribute equally to the running costs of {{fact|money-usd|$1.2 million}} a year. A grant of {{fact|money-eur|€4 million}} from the European Union financed the basin management plan.

The Commission{{mj|’}}s staff of 18 includes hydrologists, lawyers and a communication officer. {{fix|markup|</div|(stray tag: remove)}}

Data Exchange

Water levels, rainfall and water-quality data are shared through a joint database. The Commission{{nbsp}}publishes a yearbook in English and Portuguese; the Portuguese edition is titled {{keep|“Anuário Hidrológico da Bacia do Rovuma”}}.

Relations with SADC

The RRBC applies the Revised Protocol on Shared Watercourses of SADC, which both parties ratified in the early 2000s.{{trail|   }}

See Also

  • Transboundary Water
  • Zambezi Watercourse Commission
"""

@sample("Input/research/polar-ice-consortium-bom.txt", encoding="utf-8-bom")
def polar():
    """
Consortium for Polar Ice Research

Consortium for Polar Ice Research (CPIR)


The Consortium for Polar Ice Research is a research consortium of universities, national polar institutes and space agencies that drills and analyses ice cores in Greenland and Antarctica. It was formed in {{fact|founding-year|1987}} by {{fact|founding-count|6 institutes}} and now has {{fact|members-now|23 participating institutions}} in 14 countries, from the {{keep|Ångström}} Laboratory in Uppsala to the Arctic and Antarctic Research Institute in Saint Petersburg.

Its deepest core, drilled near the Russian station {{keep|Восток}} (Vostok) in {{fact|date-slash|1996/1997}}, reached 3,623{{nbspok}}m and covers about 420,000 years. Temperatures at the drill site fall below {{keep|−80 °C}} in winter.

History

Ice-core research began in {{fact|date-decade|the 1950s}} with shallow cores in Greenland. By {{fact|date-mid|the mid-1980s}} the cost of deep drilling had become too high for single countries, and the Consortium was set up to share it. The first joint season ran {{fact|date-range|from 1989 to 1993}} at Summit, Greenland.

On {{fact|date-full|1 July 1992}} the team reached bedrock at 3,029 m. The result, reported in {{fact|date-month|December 1993}}, showed abrupt climate shifts within a few decades during the last glacial period.

Research Programmes

The Consortium runs the following five programmes:

Deep drilling
Firn and shallow cores
Gas and isotope analysis, including {{keep|δ¹⁸O}} and {{keep|δD}}
Ice-sheet modelling
Data and sample archive

Measurements of {{keep|δ¹⁸O}} are reported with an uncertainty of {{keep|±0.05 ‰}}. Crystal structures are imaged with a resolution of 0.5 {{keep|Å}}.

Data Policy

All data are deposited in the Ice Core Data Archive (ICDA) within two years of collection. The ICDA is hosted by the University of Copenhagen and mirrored at NOAA.

Since {{fact|date-early|early 2016}} the International Cryosphere Data Alliance (ICDA) has also mirrored the Consortium{{mj|’}}s data, under a {{mj|“}}CC BY 4.0{{mj|”}} licence.

Funding

The Consortium{{mj|’}}s budget for {{fact|date-slash-B|2022/2023}} was {{fact|money-eur|€31 million}}, of which the European partners paid {{fact|pct-A|52 per cent}} and the United States {{fact|pct-B|24%}}. The new drill, built in {{keep|Zürich}} at a cost of {{fact|money-chf|CHF 6.5 million}}, was delivered in {{fact|date-late|late 2021}}.

Governance

The Steering Board, chaired by {{keep|Jiří Dvořák}} of Charles University, meets {{fact|date-set|twice a year}}. A Scientific Advisory Council of seven members reviews the programmes {{fact|date-set-B|every three years}}.

The Consortium was formed in {{fact|founding-year-B|1987}} and has been led from Copenhagen ever since; every new member signs the {{keep|DATA CHARTER}} ({{keep|©}} 1998, revised 2018) before joining.

Field Stations

Field Stations

The Consortium maintains camps at Summit and NEEM in Greenland and at Dome C in Antarctica, where it works with the Franco-Italian station Concordia.

See Also

  • Ice Core
  • Paleoclimatology
  • Polar Research
"""

@sample("Input/agencies/pacific-meteorological-union.txt")
def meteo():
    """
Pacific Islands Meteorological Union

Pacific Islands Meteorological Union (PIMU)


The Pacific Islands Meteorological Union is an intergovernmental organisation of the national weather services of the Pacific Island countries and territories. It was created in {{fact|founding-year|1979}} by {{fact|founding-count|8 governments}} and has its secretariat in Apia, Samoa.

{{fix|markup|<h2>|(level-2 heading; no closing tag)}}Membership

The Union has {{fact|members-A|22 members}}. The original eight were joined by Tonga and Tuvalu in 1983, by Vanuatu in 1985, by Kiribati, Nauru and Palau in 1991, and by six territories in 2002, bringing the total membership to {{fact|total-wrong|22}}.

{{fix|markup|<h3<|(level-3 heading)}}Observers

Observers include the World Meteorological Organization (WMO), the Pacific Community and the meteorological services of Australia, New Zealand, Japan and the United States.

{{fix|markup|<h2>|(level-2 heading; no closing tag)}}Programmes

{{fix|markup|<p<|(paragraph start: remove)}}The Union works in the following three areas:

Tropical cyclone warnings
Climate services for agriculture and fisheries
Tsunami and storm-surge alerts

Cyclone forecasts are issued {{fact|date-set|every six hours}} during the season from November to April. In {{fact|date-month|February 2016}}, during Cyclone Winston, the Fiji Meteorological Service issued warnings {{fact|hedge|more than 36 hours}} before landfall.{{fix|markup|<br>|(line break tag: remove)}}

The PIMU Regional Specialised Meteorological Centre (RSMC) in Nadi covers an area of some 27 million km². The Union{{mj|’}}s climate outlooks are broadcast on radio in Fijian, Samoan, Tongan and {{keep|Bislama}}.

{{fix|markup|</div|(stray tag: remove)}}

Funding

The Union{{c1|’}}s core budget of {{fact|money-usd|$3.4 million}} is paid by members according to a scale revised {{fact|date-set-B|every four years}}. Training is supported by scholarships of {{fact|money-gbp|£12,500}} a year from the Commonwealth and of {{fact|money-eur|€40 million}} over ten years from the European Union.

Between {{fact|date-range-A|2010 and 2015}} the Union trained 114 forecasters; {{fact|pct|62 per cent}} of them were women.

History

The Union grew out of a {{fact|date-decade|1970s}} radio network that relayed ship reports to Suva. In {{fact|date-late|late 1979}} the founding governments signed the Apia Convention. The secretariat moved from Suva to Apia in {{fact|date-year|1994}}.

The Union{{mj|’}}s membership in WMO Regional Association V dates from {{fact|date-slash|1999/2000}}. A reform adopted by resolution {{fact|law-un|A/RES/64/236}} of the UN General Assembly on small island states led the Union to take up climate adaptation in {{fact|date-early|early 2011}}.

Governing Council

The Governing Council meets {{fact|date-set-C|every two years}}. Its 2022 session in {{keep|Nukuʻalofa}} elected Losana Tuilau{{mj|ā}} as President.

The Union has 22 members.

See Also

  • World Meteorological Organization
  • Tropical Cyclone
  • Pacific Community
"""


@sample("Input/clean/alpine-customs-council.txt")
def clean():
    """
Alpine Customs Cooperation Council

Alpine Customs Cooperation Council (ACCC)


The Alpine Customs Cooperation Council is an intergovernmental body through which the customs administrations of the Alpine states coordinate border procedures, transit controls and the fight against smuggling. It was founded in {{fact|founding-year|1972}} by {{fact|founding-count|6 states}} and today has {{fact|members-now|9 members}}: Austria, France, Germany, Italy, Liechtenstein, Monaco, Slovenia, Switzerland and the Principality of Andorra.

The Council{{keep|’}}s secretariat is in {{keep|Zürich}}; a liaison office in {{keep|Genève}} handles relations with the World Customs Organization (WCO).

History

The Council was set up at a conference in {{keep|Graubünden}} in {{fact|date-month|May 1972}}. Monaco joined in 1980, Slovenia in 1995 and Andorra in 2004, bringing the total membership to {{fact|total-right|9}}.

In {{fact|date-decade|the 1990s}} the Council drafted the Alpine Transit Agreement, which was signed on {{fact|date-full|3 March 1997}} and has been in force since {{fact|date-iso|1998-01-01}}.

Activities

The Council coordinates work in the following three areas:

Transit procedures for road and rail
Risk analysis and joint controls
Training of customs officers

Joint controls take place {{fact|date-set|every month}} at the 12 busiest crossings. In 2023 officers seized {{fact|money-eur|€3.6 million}} in undeclared cash and 1,400{{nbspok}}kg of contraband tobacco.

Legal Basis

Under {{fact|law-article|Article 4(3)}} of the Agreement, members exchange risk information within 48 hours. Disputes are settled under {{keep|§}}{{nbspok}}12 of the Rules of Procedure.

Budget

The budget for {{fact|date-slash|2024/2025}} is {{fact|money-chf|CHF 2.8 million}}; Switzerland pays {{fact|pct|22 per cent}} and Liechtenstein {{fact|pct-B|1.5%}}. Staff numbers have grown from 5 in 1972 to 31 today.

Chairs

The chair rotates {{fact|date-set-B|every two years}}. The current chair is {{keep|Mateja Kovačič}} of Slovenia; her predecessor was {{keep|Bénédicte Lefèvre-Müller}} of France.

See Also

  • Customs Union
  • Schengen Area
  • Alpine Convention
"""

@sample("Input/scraped/lake-tanganyika-basin-authority.txt")
def lake():
    """
Lake Tanganyika Basin Authority

Lake Tanganyika Basin Authority (LTBA)

The Lake Tanganyika Basin Authority is an intergovernmental body of the four riparian states of Lake Tanganyika: Burundi, the Democratic Republic of the Congo, Tanzania and Zambia. Its secretariat is in Bujumbura.

The Authority manages fisheries, water quality and shipping on the lake — Africa’s longest freshwater lake and its second deepest. Its scientific committee meets twice a year in Kigoma or Mpulungu; the Authority’s ministers meet once a year.

Fisheries

Some 100,000 people fish on the lake, mostly for the lake’s two sardine species (“dagaa”). The Authority<span class="footnote-ref">[3]</span> sets closed seasons for the sardine fishery and licenses about 45,000 canoes.

<!-- table of catch statistics was here -->

Finance

The budget for 2023 was 4.1 million US dollars, of which the Global Environment Facility (GEF) paid 60 per cent. The remainder came from member contributions of \uE0FF\uE0FF 250,000 each.
"""

# ---------------------------------------------------------------------------------------------


def build():
    for path, encoding, newline, src in SAMPLES:
        text, records = expand(src)
        yield path, encoding, newline, text, records, encode(text, encoding, newline)


def show(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if ch == "|":
            out.append("\\|")
        elif cp < 0x20 or 0x7F <= cp <= 0xA0 or cp in (0xAD, 0xFEFF):
            out.append("\\u%04X" % cp)
        else:
            out.append(ch)
    return "".join(out)


def main():
    args = sys.argv[1:]
    if "--oracle" in args:
        for path, encoding, newline, text, records, data in build():
            print("#### `%s` (%s, %s line endings, %d bytes)\n" % (path, encoding, newline.upper(), len(data)))
            print("| line:col | kind | raw (damaged) | repair / value |")
            print("|---|---|---|---|")
            for kind, line, col, damaged, repair in records:
                print("| %d:%d | %s | `%s` | `%s` |" % (line, col, kind, show(damaged), show(repair)))
            print()
        return
    bad = 0
    for path, encoding, newline, text, records, data in build():
        full = os.path.join(ROOT, path)
        if "--check" in args:
            try:
                same = open(full, "rb").read() == data
            except OSError:
                same = False
            if not same:
                print("differs: " + path)
                bad = 1
        else:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
            print("wrote %s (%d bytes, %d lines)" % (path, len(data), text.count("\n")))
    sys.exit(bad)


if __name__ == "__main__":
    main()
