// Every word on the exercise's screens, Indonesian first, with English.
const TEXTS = {
  title: {id: "Latihan Forkopimda", en: "Forkopimda exercise"},
  lang: {id: "English", en: "Bahasa Indonesia"},
  join: {id: "Bergabung", en: "Join"},
  code: {id: "Kode bergabung (di layar fasilitator)", en: "Join code (on the facilitator's screen)"},
  name: {id: "Nama Anda", en: "Your name"},
  pick_role: {id: "Pilih peran", en: "Choose a role"},
  role: {id: "Peran", en: "Role"},
  taken: {id: "sudah diambil", en: "taken"},
  round: {id: "Ronde", en: "Round"},
  of: {id: "dari", en: "of"},
  state_deciding: {id: "Ronde terbuka: putuskan sekarang", en: "Round open: decide now"},
  state_running: {id: "Model berjalan...", en: "The model is running..."},
  state_paused: {id: "Dijeda oleh fasilitator", en: "Paused by the facilitator"},
  state_done: {id: "Semua ronde selesai; menunggu debrief", en: "All rounds played; waiting for the debrief"},
  state_ended: {id: "Latihan selesai: lihat layar fasilitator", en: "The exercise is over: see the facilitator's screen"},
  budget: {id: "Anggaran tersisa", en: "Budget left"},
  personnel: {id: "Personel bebas", en: "Free personnel"},
  report: {id: "Laporan yang Anda terima", en: "Your reports"},
  as_of: {id: "per", en: "as of"},
  late_days: {id: "hari terlambat", en: "days late"},
  community: {id: "Wilayah", en: "Community"},
  ikp: {id: "IKP", en: "IKP"},
  action: {id: "Tindakan", en: "Action"},
  send: {id: "Kirim keputusan", en: "Send decision"},
  accepted: {id: "Diterima: berlaku saat ronde dijalankan", en: "Accepted: it acts when the round runs"},
  my_decisions: {id: "Keputusan Anda", en: "Your decisions"},
  requests: {id: "Permintaan untuk Anda", en: "Requests to you"},
  cancel: {id: "Batal", en: "Take back"},
  pending: {id: "menunggu ronde", en: "waiting for the round"},
  done: {id: "dijalankan", en: "carried out"},
  by_default: {id: "otomatis (peran kosong)", en: "default (role untaken)"},
  none_yet: {id: "Belum ada.", en: "None yet."},
  no_report: {id: "belum ada laporan", en: "no report yet"},
  offline: {id: "Koneksi terputus, mencoba lagi...", en: "Connection lost, retrying..."},
  // facilitator
  facilitator: {id: "Layar fasilitator", en: "Facilitator's screen"},
  serving_on: {id: "Alamat untuk peserta", en: "Address for participants"},
  run_round: {id: "Jalankan ronde", en: "Run the round"},
  pause: {id: "Jeda", en: "Pause"},
  resume: {id: "Lanjutkan", en: "Resume"},
  inject: {id: "Sisipkan peristiwa", en: "Inject an event"},
  kind: {id: "Jenis", en: "Kind"},
  magnitude: {id: "Besaran", en: "Magnitude"},
  rewind: {id: "Mundur ke awal ronde", en: "Rewind to the start of round"},
  end: {id: "Akhiri dan debrief", en: "End and debrief"},
  download: {id: "Unduh rekaman sesi (JSON)", en: "Download the session record (JSON)"},
  seats: {id: "Peran dan peserta", en: "Roles and participants"},
  empty_seat: {id: "(kosong: main otomatis)", en: "(empty: plays its default)"},
  release: {id: "Lepas", en: "Release"},
  decisions_open: {id: "Keputusan ronde ini", en: "Decisions this round"},
  events_open: {id: "Peristiwa ronde ini", en: "Events this round"},
  truth: {id: "Keadaan sebenarnya (hanya fasilitator)", en: "The true state (facilitator only)"},
  incidents: {id: "Insiden", en: "Incidents"},
  clashes: {id: "Bentrokan+kerusuhan", en: "Clashes+riots"},
  riots: {id: "Kerusuhan", en: "Riots"},
  injuries: {id: "Korban luka", en: "Injuries"},
  peak_tension: {id: "Ketegangan puncak", en: "Peak tension"},
  peak_hoax: {id: "Puncak percaya hoaks", en: "Peak hoax belief"},
  cost: {id: "Biaya", en: "Cost"},
  dispute: {id: "Sengketa diajukan", en: "Dispute filed"},
  debrief: {id: "Debrief", en: "Debrief"},
  room: {id: "Ruangan ini", en: "This room"},
  no_one: {id: "Tanpa tindakan", en: "No one acting"},
  best: {id: "Paket terbaik yang dikenal", en: "Best-known package"},
  who_did_what: {id: "Siapa melakukan apa, kapan", en: "Who did what, when"},
  history: {id: "Catatan sesi", en: "Session log"},
  busy: {id: "sedang bekerja", en: "working"},
  yes: {id: "ya", en: "yes"},
  no: {id: "tidak", en: "no"},
  daily_chart: {id: "Insiden per hari", en: "Incidents per day"},
  day: {id: "hari", en: "day"},
};
function lang() { return localStorage.getItem("kondusif-lang") || "id"; }
function setLang(value) { localStorage.setItem("kondusif-lang", value); document.documentElement.lang = value; }
function t(key) { const entry = TEXTS[key]; return entry ? entry[lang()] : key; }
function tx(bilingual) { return bilingual ? (bilingual[lang()] || bilingual.id || "") : ""; }
function rupiah(value) { return "Rp " + Math.round(value).toLocaleString("id-ID"); }
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}
function showMessage(node, ok, text) { node.className = "message " + (ok ? "ok" : "error"); node.textContent = text; }
function refusalText(data) { return data && data.refusal ? tx(data.refusal) : String(data); }
async function call(path, options = {}, headers = {}) {
  const response = await fetch(path, {...options, headers: {"Content-Type": "application/json", ...headers}});
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  return {ok: response.ok, status: response.status, data};
}
function lineChart(series, width = 640, height = 200) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "chart");
  const n = Math.max(1, ...series.map(s => s.values.length));
  const top = Math.max(1, ...series.flatMap(s => s.values));
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${(i / Math.max(1, n - 1)) * (width - 10) + 5},${height - 18 - (v / top) * (height - 30)}`);
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", points.join(" "));
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", s.color);
    line.setAttribute("stroke-width", "2.5");
    svg.append(line);
    const label = document.createElementNS("http://www.w3.org/2000/svg", "text");
    label.setAttribute("x", 8 + k * 200); label.setAttribute("y", height - 3);
    label.setAttribute("fill", s.color); label.setAttribute("font-size", "13");
    label.textContent = s.label;
    svg.append(label);
  });
  const peak = document.createElementNS("http://www.w3.org/2000/svg", "text");
  peak.setAttribute("x", 5); peak.setAttribute("y", 12); peak.setAttribute("font-size", "12");
  peak.textContent = "max " + top;
  svg.append(peak);
  return svg;
}
