import type { Migration } from './migration.ts';

/**
 * The dataset's tables. Column order and types match rows.ts (a test compares them); a change to
 * rows.ts needs a new migration, never an edit of this one.
 */
export const migration: Migration = {
  id: 1,
  name: 'dataset tables',
  sql: `
  CREATE TABLE games (
    game_id text NOT NULL,
    season integer NOT NULL,
    date date NOT NULL,
    start_time text,
    visitor_code text NOT NULL,
    visitor_name text NOT NULL,
    home_code text NOT NULL,
    home_name text NOT NULL,
    visitor_points integer,
    home_points integer,
    overtimes integer NOT NULL,
    attendance integer,
    duration_minutes integer,
    arena text,
    location text,
    remarks text,
    status text NOT NULL CHECK (status IN ('final', 'scheduled')),
    game_type text CHECK (game_type IN ('regular', 'play-in', 'playoffs')),
    playoff_round text,
    box_score_path text,
    official_ids text,
    officials text,
    schedule_page text,
    has_box_score boolean NOT NULL,
    PRIMARY KEY (game_id)
  );
  CREATE INDEX games_season ON games (season);
  COMMENT ON TABLE games IS 'One row per game: the schedule listing merged with the box score header.';

  CREATE TABLE team_lines (
    game_id text NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
    team text NOT NULL,
    side text NOT NULL CHECK (side IN ('visitor', 'home')),
    opponent text NOT NULL,
    points integer NOT NULL,
    record text,
    mp integer,
    fg integer,
    fga integer,
    fg_pct double precision,
    fg3 integer,
    fg3a integer,
    fg3_pct double precision,
    ft integer,
    fta integer,
    ft_pct double precision,
    orb integer,
    drb integer,
    trb integer,
    ast integer,
    stl integer,
    blk integer,
    tov integer,
    pf integer,
    pts integer,
    game_score double precision,
    plus_minus integer,
    ff_pace double precision,
    ff_efg_pct double precision,
    ff_tov_pct double precision,
    ff_orb_pct double precision,
    ff_ft_rate double precision,
    ff_off_rtg double precision,
    PRIMARY KEY (game_id, team)
  );
  COMMENT ON TABLE team_lines IS 'One row per team and game: the Team Totals row and the four factors.';

  CREATE TABLE player_lines (
    game_id text NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
    team text NOT NULL,
    player_id text NOT NULL,
    name text NOT NULL,
    seq integer NOT NULL,
    starter boolean NOT NULL,
    reason text,
    mp integer,
    fg integer,
    fga integer,
    fg_pct double precision,
    fg3 integer,
    fg3a integer,
    fg3_pct double precision,
    ft integer,
    fta integer,
    ft_pct double precision,
    orb integer,
    drb integer,
    trb integer,
    ast integer,
    stl integer,
    blk integer,
    tov integer,
    pf integer,
    pts integer,
    game_score double precision,
    plus_minus integer,
    adv_mp integer,
    adv_ts_pct double precision,
    adv_efg_pct double precision,
    adv_fg3a_per_fga_pct double precision,
    adv_fta_per_fga_pct double precision,
    adv_orb_pct double precision,
    adv_drb_pct double precision,
    adv_trb_pct double precision,
    adv_ast_pct double precision,
    adv_stl_pct double precision,
    adv_blk_pct double precision,
    adv_tov_pct double precision,
    adv_usg_pct double precision,
    adv_off_rtg double precision,
    adv_def_rtg double precision,
    adv_bpm double precision,
    PRIMARY KEY (game_id, player_id)
  );
  CREATE INDEX player_lines_player ON player_lines (player_id);
  COMMENT ON TABLE player_lines IS 'One row per player and game, did-not-play lines included (reason set, stats null).';

  CREATE TABLE line_scores (
    game_id text NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
    team text NOT NULL,
    period integer NOT NULL,
    label text NOT NULL,
    points integer NOT NULL,
    PRIMARY KEY (game_id, team, period)
  );
  COMMENT ON TABLE line_scores IS 'Points per team and period: Q1..Q4, then OT1, OT2, ...';

  CREATE TABLE inactive_players (
    game_id text NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
    team text NOT NULL,
    player_id text NOT NULL,
    name text NOT NULL,
    seq integer NOT NULL,
    PRIMARY KEY (game_id, team, player_id)
  );

  CREATE TABLE player_season_totals (
    season integer NOT NULL,
    part text NOT NULL CHECK (part IN ('regular', 'playoffs')),
    player_id text NOT NULL,
    team text NOT NULL,
    name text NOT NULL,
    multi_team_summary boolean NOT NULL,
    age integer,
    position text,
    games integer,
    games_started integer,
    mp integer,
    fg integer,
    fga integer,
    fg_pct double precision,
    fg3 integer,
    fg3a integer,
    fg3_pct double precision,
    fg2 integer,
    fg2a integer,
    fg2_pct double precision,
    efg_pct double precision,
    ft integer,
    fta integer,
    ft_pct double precision,
    orb integer,
    drb integer,
    trb integer,
    ast integer,
    stl integer,
    blk integer,
    tov integer,
    pf integer,
    pts integer,
    tpl_dbl integer,
    awards text,
    PRIMARY KEY (season, part, player_id, team)
  );
`,
};
